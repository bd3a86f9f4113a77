using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>A user on a form after the local checks: names present, the email normalised and of the agency.</summary>
public sealed record CheckedUser(string GivenName, string FamilyName, string Email, string LmsUsername, string? HmisUsername);

/// <summary>
/// A form checked against everything the Requests service knows itself (the form, the ATA, the agency and its APA,
/// the users and their emails, the access), before anyone is asked about the people's accounts.
/// </summary>
public sealed record Submission(
    RequestType Type, Agency Agency, AgencyAdministrator Ata, IReadOnlyList<CheckedUser> Users, RequestedAccess Access, string Note,
    IReadOnlyList<string> Warnings)
{
    public const string UsersRequiredReason = "USERS_REQUIRED";
    public const string ReturningUserSingleReason = "RETURNING_USER_ONE_USER";
    public const string BundleTooLargeReason = "BUNDLE_TOO_LARGE";
    public const string EmailNotAgencyDomainReason = "EMAIL_NOT_AGENCY_DOMAIN";
    public const string NameRequiredReason = "NAME_REQUIRED";
    public const string TypeRequiredReason = "REQUEST_TYPE_REQUIRED";
    public const string AtaNotOfAgencyReason = "ATA_NOT_OF_AGENCY";
    public const string DuplicateUserReason = "DUPLICATE_USER";
    public const string TooLongReason = "TOO_LONG";
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 4000;

    public static Submission Check(
        RequestType type, Agency agency, AgencyAdministrator ata, IReadOnlyList<NewUser> users, RequestedAccess access, string note,
        AccessRequestRules rules, AtaTrainingCalendar calendar, DateTimeOffset now) =>
        Check(type, agency, ata, users, () => access, note, rules, calendar, now);

    /// <summary>
    /// The form as an ATA or an agency's system sends it: the preconditions first, in the process's order, then every
    /// field at once (the users, each user's names and e-mail, the access, the note), so one answer names all that is wrong.
    /// </summary>
    public static Submission Check(
        RequestType type, Agency agency, AgencyAdministrator ata, IReadOnlyList<NewUser> users,
        IEnumerable<Responsibility> responsibilities, IEnumerable<ProjectType> projectTypes, string note,
        AccessRequestRules rules, AtaTrainingCalendar calendar, DateTimeOffset now) =>
        Check(type, agency, ata, users, () => RequestedAccess.Create(responsibilities, projectTypes), note, rules, calendar, now);

    private static Submission Check(
        RequestType type, Agency agency, AgencyAdministrator ata, IReadOnlyList<NewUser> users, Func<RequestedAccess> access, string note,
        AccessRequestRules rules, AtaTrainingCalendar calendar, DateTimeOffset now)
    {
        if (type == RequestType.Unspecified)
        {
            throw DomainException.Invalid(TypeRequiredReason, "Choose the form that applies.", new FieldViolation("type", "required", TypeRequiredReason));
        }
        // The preconditions in the process's order: the agency's APA, the ATA of the agency, the ATA's training.
        var today = Continuum.DateOf(now);
        agency.EnsureMayRequestAccess(today);
        if (ata.AgencyId != agency.Id)
        {
            throw DomainException.Precondition(AtaNotOfAgencyReason, "The submitting ATA does not belong to this agency.",
                new PreconditionViolation("ATA", $"agency-administrators/{ata.Id}", "not an ATA of the agency"));
        }
        var warnings = ata.EnsureMaySubmit(calendar, today);

        var fields = new FieldChecks();
        fields.Check(() => EnsureUserCount(type, users.Count, rules));
        var checkedAccess = fields.Check(access);
        if (checkedAccess is not null)
        {
            fields.Check(() => agency.EnsureRuns(checkedAccess.ProjectTypes));
        }
        fields.Check(() =>
        {
            if (note.Trim().Length > MaxNoteLength)
            {
                throw DomainException.Invalid(TooLongReason, $"A note is at most {MaxNoteLength} characters.", new FieldViolation("note", $"at most {MaxNoteLength} characters", TooLongReason));
            }
        });
        var checkedUsers = users.Select((u, i) => fields.Check(() => CheckUser(u, $"users[{i}]", agency))).ToList();
        var repeated = checkedUsers.Select((u, i) => (u?.Email, i)).Where(u => u.Email is not null).GroupBy(u => u.Email).SelectMany(g => g.Skip(1)).ToList();
        if (repeated.Count > 0)
        {
            fields.Check(() => throw DomainException.Invalid(DuplicateUserReason, "Each user is named once.",
                [.. repeated.Select(r => new FieldViolation($"users[{r.i}].email", "named twice on this request", DuplicateUserReason))]));
        }
        fields.ThrowIfAny();
        return new Submission(type, agency, ata, [.. checkedUsers.Select(u => u!)], checkedAccess!, note.Trim(), warnings);
    }

    private static void EnsureUserCount(RequestType type, int count, AccessRequestRules rules)
    {
        if (count == 0)
        {
            throw DomainException.Invalid(UsersRequiredReason, "Name at least one user.", new FieldViolation("users", "at least one user", UsersRequiredReason));
        }
        // "Current Agency User(s)": new project access bundles current users who need the same new projects.
        if (type == RequestType.ReturningUser && count != 1)
        {
            throw DomainException.Invalid(ReturningUserSingleReason, "A returning user is one user per request.",
                new FieldViolation("users", "exactly one user for this form", ReturningUserSingleReason));
        }
        if (count > rules.MaxBundleSize)
        {
            throw DomainException.Invalid(BundleTooLargeReason, $"One request may bundle at most {rules.MaxBundleSize} users.",
                new FieldViolation("users", $"at most {rules.MaxBundleSize} users", BundleTooLargeReason));
        }
    }

    /// <summary>A user's email, valid and of one of the agency's domains, never a personal one.</summary>
    public static EmailAddress AgencyEmail(string value, Agency agency, string field)
    {
        var email = EmailAddress.Parse(value, field);
        if (!agency.OwnsDomain(email.Domain))
        {
            throw DomainException.Invalid(EmailNotAgencyDomainReason, "A user's email must be an email of the agency, not a personal one.",
                new FieldViolation(field, "not in one of the agency's email domains", EmailNotAgencyDomainReason));
        }
        return email;
    }

    /// <summary>One user's names and e-mail, each checked; one refusal names every field of theirs that is wrong.</summary>
    public static CheckedUser CheckUser(NewUser user, string field, Agency agency)
    {
        var fields = new FieldChecks();
        fields.Check(() =>
        {
            var violations = new List<FieldViolation>();
            foreach (var (value, name) in new[] { (user.GivenName, "given_name"), (user.FamilyName, "family_name") })
            {
                if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxNameLength)
                {
                    violations.Add(new FieldViolation($"{field}.{name}", $"required, at most {MaxNameLength} characters", NameRequiredReason));
                }
            }
            if (user.LmsUsername.Trim().Length > MaxNameLength)
            {
                violations.Add(new FieldViolation($"{field}.lms_username", $"at most {MaxNameLength} characters", TooLongReason));
            }
            if (violations.Count > 0)
            {
                throw DomainException.Invalid(violations[0].Reason!, "Every user needs a given and a family name.", [.. violations]);
            }
        });
        var email = fields.Check(() => AgencyEmail(user.Email, agency, $"{field}.email"));
        fields.ThrowIfAny();
        var hmisUsername = user.HmisUsername.Trim().ToLowerInvariant();
        return new CheckedUser(user.GivenName.Trim(), user.FamilyName.Trim(), email!.Value, user.LmsUsername.Trim(), hmisUsername.Length == 0 ? null : hmisUsername);
    }
}
