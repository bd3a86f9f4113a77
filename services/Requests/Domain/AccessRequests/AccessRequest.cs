using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// An ATA's Request for Training on one of the four forms, and every decision on it. Each change of state is
/// recorded as an <see cref="AccessRequestChange"/> for the audit table. The waiting clock counts the time the HMIS
/// or CE team has it and pauses while it waits on the ATA.
/// </summary>
public sealed partial class AccessRequest
{
    private readonly List<RequestedUser> _users = [];
    private readonly List<AccessRequestChange> _changes = [];
    private readonly List<NewHireValidation> _validations = [];

    public Guid Id { get; private set; }

    public RequestType Type { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AtaId { get; private set; }

    /// <summary>Who submitted it: the signed-in ATA, the agency's system, or the HMIS team member.</summary>
    public string SubmittedBy { get; private set; } = "";

    public AccessRequestStatus Status { get; private set; }

    public IReadOnlyList<RequestedUser> Users => _users;

    /// <summary>The ATAs and Supervisors of the agency who validated its people as new hires; each hears about it as the ATA does.</summary>
    public IReadOnlyList<NewHireValidation> NewHireValidations => _validations;

    public List<Responsibility> Responsibilities { get; private set; } = [];

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public TransferPath TransferPath { get; private set; }

    public List<ProjectType> ProjectTypesToTrain { get; private set; } = [];

    public string Note { get; private set; } = "";

    public List<string> Warnings { get; private set; } = [];

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Since when the HMIS or CE team has had it; null while it waits on the ATA or is decided.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    /// <summary>Time the teams had it before the current wait.</summary>
    public TimeSpan WaitedBefore { get; private set; }

    public string? DecisionReason { get; private set; }

    public RequestType RequiredForm { get; private set; }

    public Guid? ReplacesAccessRequestId { get; private set; }

    public DateTimeOffset? CreditsConfirmedAt { get; private set; }

    public DateTimeOffset? CeApprovedAt { get; private set; }

    /// <summary>The reviewer (or the CE team) waived the Sample Client Assignment for this access (<see cref="AssessmentWaiver"/>).</summary>
    public bool AssessmentWaived { get; private set; }

    public string? InformationProvided { get; private set; }

    /// <summary>Postgres row version (xmin), also the etag decisions must carry.</summary>
    public uint Version { get; private set; }

    private AccessRequest()
    {
    }

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public WaitingOn WaitingOn => AccessRequestStatusMachine.WaitingOn(Status);

    /// <summary>
    /// Whether the request uses license credits: new accounts do; new project access extends current users' accounts,
    /// so no new credit is used.
    /// </summary>
    public bool UsesCredits => Type != RequestType.NewProjectAccess;

    /// <summary>
    /// The CE team's business: an HRS / 1474 request, or one routed to them. The CE team reads these and the people on
    /// them, and no other agency business (as a query, so lists filter in the database).
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<AccessRequest, bool>> CeBusiness =
        r => r.Type == RequestType.HrsCe1474 || r.Status == AccessRequestStatus.AwaitingCeDecision || r.CeApprovedAt != null;

    private static readonly Func<AccessRequest, bool> IsCeBusinessRule = CeBusiness.Compile();

    /// <summary>Whether the CE team has a say in it (<see cref="CeBusiness"/>).</summary>
    public bool IsCeBusiness => IsCeBusinessRule(this);

    public TimeSpan TimeWaiting(DateTimeOffset now) => WaitedBefore + (WaitingSince is { } since && now > since ? now - since : TimeSpan.Zero);

    /// <summary>
    /// Whether the HMIS or CE team has it now and has had it longer than the request stage's target (the review desk
    /// marks it late). Time waiting on the ATA does not count, as in <see cref="TimeWaiting"/>.
    /// </summary>
    public bool IsPastReviewTarget(DateTimeOffset now, TimeSpan target) =>
        WaitingOn is WaitingOn.HmisTeam or WaitingOn.CeTeam && TimeWaiting(now) > target;

    /// <summary>
    /// Makes the request from a checked form and what Credentialing knows of each user: refuses a user on the wrong
    /// form, gives each their person id (the one they have had, or a new one) and works out the transfer path.
    /// </summary>
    /// <param name="histories">Each user's accounts in the CoC, in the order of the form.</param>
    /// <param name="earlierPersonIds">A person id this service gave the user before, when it has one.</param>
    public static AccessRequest Submit(
        Submission form, IReadOnlyList<PersonHistory> histories, IReadOnlyList<Guid?> earlierPersonIds, Guid? replaces,
        Caller submitter, AccessRequestRules rules, DateTimeOffset now)
    {
        var wrongForm = form.Users
            .Select((_, i) => RequestForms.Check(form.Type, histories[i], form.Agency.Id, form.Access, rules.RecentActivityMonths, now, i))
            .OfType<(FieldViolation Field, PreconditionViolation Precondition)>()
            .ToList();
        if (wrongForm.Count > 0)
        {
            throw new DomainException(ErrorKind.FailedPrecondition, RequestForms.WrongRequestTypeReason,
                "A user is on the wrong form; the violations name the form that applies.")
            {
                FieldViolations = [.. wrongForm.Select(w => w.Field)],
                PreconditionViolations = [.. wrongForm.Select(w => w.Precondition)],
            };
        }
        if (form.Type == RequestType.NewProjectAccess)
        {
            for (var i = 0; i < histories.Count; i++)
            {
                RequestForms.EnsureNewProjects(histories[i], form.Agency.Id, form.Access, i);
            }
        }
        var plan = form.Type switch
        {
            RequestType.ReturningUser => TransferPlan.For(histories[0], form.Access, rules.RecentActivityMonths, now),
            RequestType.NewProjectAccess => TransferPlan.ForNewProjects(form.Access),
            _ => TransferPlan.FullTraining(form.Access),
        };
        var request = new AccessRequest
        {
            Id = Guid.CreateVersion7(now),
            Type = form.Type,
            AgencyId = form.Agency.Id,
            AtaId = form.Ata.Id,
            SubmittedBy = submitter.Subject,
            Responsibilities = [.. form.Access.Responsibilities],
            ProjectTypes = [.. form.Access.ProjectTypes],
            TransferPath = plan.Path,
            ProjectTypesToTrain = [.. plan.ProjectTypesToTrain],
            Note = form.Note,
            Warnings = [.. form.Warnings],
            ReplacesAccessRequestId = replaces,
            // Current users adding projects passed the assignment already; their account is extended, no credit used.
            AssessmentWaived = form.Type == RequestType.NewProjectAccess,
            SubmittedAt = now,
            UpdatedAt = now,
            WaitingSince = now,
        };
        for (var i = 0; i < form.Users.Count; i++)
        {
            var user = form.Users[i];
            var personId = histories[i].PersonId ?? earlierPersonIds[i] ?? Guid.CreateVersion7(now);
            request._users.Add(new RequestedUser(personId, form.Agency.Id, user.GivenName, user.FamilyName, user.Email, user.LmsUsername));
        }
        // HRS / 1474 goes to the CE team's queue, not the HMIS team's.
        request.Status = form.Type == RequestType.HrsCe1474 ? AccessRequestStatus.AwaitingCeDecision : AccessRequestStatus.Submitted;
        request.Record(submitter, AccessRequestStatus.Unspecified, RequestActions.Submitted, null, now);
        return request;
    }

    /// <summary>The changes made since the request was loaded, for the audit table; each is taken once.</summary>
    public IReadOnlyList<AccessRequestChange> TakeChanges()
    {
        var changes = _changes.ToList();
        _changes.Clear();
        return changes;
    }

    private void MoveTo(AccessRequestStatus status, Caller actor, string action, string? reason, DateTimeOffset now)
    {
        AccessRequestStatusMachine.EnsureCanMove(Status, status);
        var from = Status;
        var waitedOnTeam = AccessRequestStatusMachine.WaitingOn(status) is WaitingOn.HmisTeam or WaitingOn.CeTeam;
        if (!waitedOnTeam && WaitingSince is { } since)
        {
            WaitedBefore += now - since;
            WaitingSince = null;
        }
        else if (waitedOnTeam && WaitingSince is null)
        {
            WaitingSince = now;
        }
        Status = status;
        if (!AccessRequestStatusMachine.Open.Contains(status))
        {
            _users.ForEach(u => u.Close());
        }
        Record(actor, from, action, reason, now);
    }

    private void Record(Caller actor, AccessRequestStatus from, string action, string? reason, DateTimeOffset now)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecisionReason = trimmed ?? DecisionReason;
        UpdatedAt = now;
        _changes.Add(new AccessRequestChange(Id, actor.Subject, actor.Role ?? "", now, from, Status, action, trimmed));
    }
}
