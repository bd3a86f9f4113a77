using Hmis.Common.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>An ATA's Request for Training on one of the four forms, and the HMIS team's decision on it.</summary>
public sealed class AccessRequest
{
    public const string UsersRequiredReason = "USERS_REQUIRED";
    public const string ReturningUserSingleReason = "RETURNING_USER_ONE_USER";
    public const string BundleTooLargeReason = "BUNDLE_TOO_LARGE";
    public const string EmailNotAgencyDomainReason = "EMAIL_NOT_AGENCY_DOMAIN";
    public const string NameRequiredReason = "NAME_REQUIRED";
    public const string TypeRequiredReason = "REQUEST_TYPE_REQUIRED";
    public const string AtaNotOfAgencyReason = "ATA_NOT_OF_AGENCY";
    public const string ReasonRequiredReason = "REASON_REQUIRED";
    public const string OutcomeRequiredReason = "REVIEW_OUTCOME_REQUIRED";

    private readonly List<RequestedUser> _users = [];

    public Guid Id { get; private set; }

    public RequestType Type { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AtaId { get; private set; }

    public AccessRequestStatus Status { get; private set; }

    public IReadOnlyList<RequestedUser> Users => _users;

    public List<Responsibility> Responsibilities { get; private set; } = [];

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public string Note { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>Postgres row version (xmin): of two concurrent decisions only one is saved.</summary>
    public uint Version { get; private set; }

    private AccessRequest()
    {
    }

    public static AccessRequest Submit(
        RequestType type, Agency agency, AgencyAdministrator ata, IReadOnlyList<NewUser> users,
        RequestedAccess access, string note, AccessRequestRules rules, DateTimeOffset now)
    {
        if (type == RequestType.Unspecified)
        {
            throw DomainException.Invalid(TypeRequiredReason, "Choose the form that applies.", new FieldViolation("type", "required", TypeRequiredReason));
        }
        if (ata.AgencyId != agency.Id)
        {
            throw DomainException.Precondition(AtaNotOfAgencyReason, "The submitting ATA does not belong to this agency.",
                new PreconditionViolation("ATA", $"atas/{ata.Id}", "not an ATA of the agency"));
        }
        agency.EnsureMayRequestAccess(DateOnly.FromDateTime(now.UtcDateTime));
        EnsureUserCount(type, users.Count, rules);

        var request = new AccessRequest
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            AgencyId = agency.Id,
            AtaId = ata.Id,
            Status = AccessRequestStatus.Submitted,
            Responsibilities = [.. access.Responsibilities],
            ProjectTypes = [.. access.ProjectTypes],
            Note = note.Trim(),
            SubmittedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < users.Count; i++)
        {
            request._users.Add(ValidUser(users[i], $"users[{i}]", agency, now));
        }
        return request;
    }

    private static void EnsureUserCount(RequestType type, int count, AccessRequestRules rules)
    {
        if (count == 0)
        {
            throw DomainException.Invalid(UsersRequiredReason, "Name at least one user.", new FieldViolation("users", "at least one user", UsersRequiredReason));
        }
        if (type == RequestType.ReturningUser && count != 1)
        {
            throw DomainException.Invalid(ReturningUserSingleReason, "A returning user is submitted one user per request.",
                new FieldViolation("users", "exactly one user for RETURNING_USER", ReturningUserSingleReason));
        }
        if (count > rules.MaxBundleSize)
        {
            throw DomainException.Invalid(BundleTooLargeReason, $"One request may bundle at most {rules.MaxBundleSize} users.",
                new FieldViolation("users", $"at most {rules.MaxBundleSize} users", BundleTooLargeReason));
        }
    }

    private static RequestedUser ValidUser(NewUser user, string field, Agency agency, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(user.GivenName))
        {
            violations.Add(new FieldViolation($"{field}.given_name", "required", NameRequiredReason));
        }
        if (string.IsNullOrWhiteSpace(user.FamilyName))
        {
            violations.Add(new FieldViolation($"{field}.family_name", "required", NameRequiredReason));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(NameRequiredReason, "Every user needs a given and a family name.", [.. violations]);
        }
        var email = EmailAddress.Parse(user.Email, $"{field}.email");
        if (!agency.OwnsDomain(email.Domain))
        {
            throw DomainException.Invalid(EmailNotAgencyDomainReason, "A user's email must be an email of the agency, not a personal one.",
                new FieldViolation($"{field}.email", "not in one of the agency's email domains", EmailNotAgencyDomainReason));
        }
        return new RequestedUser(Guid.CreateVersion7(now), user.GivenName.Trim(), user.FamilyName.Trim(), email.Value);
    }

    /// <summary>Records the HMIS team's review; returns the users who move on to training.</summary>
    public IReadOnlyList<RequestedUser> Review(ReviewOutcome outcome, string reason, DateTimeOffset now)
    {
        switch (outcome)
        {
            case ReviewOutcome.ConfirmEnrolments:
                MoveTo(AccessRequestStatus.InProgress, reason, now);
                return Users;
            case ReviewOutcome.Deny when string.IsNullOrWhiteSpace(reason):
                throw DomainException.Invalid(ReasonRequiredReason, "A denial must say why.", new FieldViolation("reason", "required when denying", ReasonRequiredReason));
            case ReviewOutcome.Deny:
                MoveTo(AccessRequestStatus.Denied, reason, now);
                return [];
            default:
                throw DomainException.Invalid(OutcomeRequiredReason, "Choose a review outcome.", new FieldViolation("outcome", "required", OutcomeRequiredReason));
        }
    }

    /// <summary>Closes the request once every user on it has live credentials.</summary>
    public bool CompleteIfAllIssued(IReadOnlySet<Guid> peopleWithCredentials, DateTimeOffset now)
    {
        if (Status != AccessRequestStatus.InProgress || !_users.All(u => peopleWithCredentials.Contains(u.PersonId)))
        {
            return false;
        }
        MoveTo(AccessRequestStatus.Completed, null, now);
        return true;
    }

    private void MoveTo(AccessRequestStatus status, string? reason, DateTimeOffset now)
    {
        AccessRequestStatusMachine.EnsureCanMove(Status, status);
        Status = status;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? DecisionReason : reason.Trim();
        UpdatedAt = now;
    }
}
