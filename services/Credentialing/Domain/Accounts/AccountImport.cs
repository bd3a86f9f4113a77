using System.Text.RegularExpressions;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>An agency an imported account may name, as the Requests service has it.</summary>
public sealed record ImportAgency(Guid Id, string Name, IReadOnlyCollection<string> EmailDomains);

/// <summary>One row of users.csv, checked.</summary>
internal sealed record AccountImportFacts(
    Guid AgencyId, EmailAddress Email, string Username, bool Active, DateOnly? LastLoginOn, DateOnly? AgreementSignedOn,
    IReadOnlyList<ProjectType> ProjectTypes, IReadOnlyList<Responsibility> Responsibilities);

/// <summary>
/// The go-live import of the HMIS accounts people hold today (users.csv). An account is matched by username, and a
/// username is one person's for ever: a username another person holds, or held, is refused. Every row with one
/// e-mail is one person, who keeps the id the platform knows them by, so the forms (a returning user is recognised),
/// transfers, recency and inactivity count their history from day one. The e-mail must be the agency's (a personal
/// one is refused by name); dates are not in the future; an active account has signed the End User Agreement.
/// </summary>
public sealed partial class AccountImport
{
    public const string UnknownAgencyReason = "UNKNOWN_AGENCY";
    public const string DuplicateUsernameReason = "DUPLICATE_USERNAME";
    public const string InvalidUsernameReason = "HMIS_USERNAME_INVALID";
    public const string PersonalEmailReason = "PERSONAL_EMAIL";
    public const string EmailNotAgencyDomainReason = "EMAIL_NOT_AGENCY_DOMAIN";
    public const string StatusRequiredReason = "ACCOUNT_STATUS_REQUIRED";
    public const string AgreementDateRequiredReason = "EUA_SIGNED_ON_REQUIRED";
    public const string ProjectTypesRequiredReason = "PROJECT_TYPES_REQUIRED";
    public const string ResponsibilitiesRequiredReason = "RESPONSIBILITIES_REQUIRED";
    public const string AgencyChangedReason = "ACCOUNT_AGENCY_DIFFERS";
    public const string SecondLiveAccountReason = "SECOND_LIVE_ACCOUNT_AT_AGENCY";
    public const string NameRequiredReason = "NAME_REQUIRED";
    public const string MadeOnPlatformReason = "ACCOUNT_MADE_ON_PLATFORM";

    /// <summary>Mail providers whose addresses are people's own, never an agency's: named as personal, not just as another domain.</summary>
    public static IReadOnlySet<string> PersonalMailDomains { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
        "icloud.com", "me.com", "aol.com", "comcast.net", "att.net", "protonmail.com", "proton.me", "mail.com", "gmx.com",
    };

    private readonly Dictionary<string, ImportAgency> _agencies;
    private readonly Dictionary<string, HmisAccount> _byUsername;
    private readonly Dictionary<string, Guid> _personByEmail;
    private readonly HashSet<string> _usernamesInFile = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _applicants;
    private readonly EndUserAgreement _agreement;
    private readonly Actor _importer;
    private readonly DateTimeOffset _now;

    public AccountImport(IEnumerable<ImportAgency> agencies, IEnumerable<HmisAccount> accounts, IEnumerable<Guid> peopleWithImportedApplicant,
        EndUserAgreement agreement, Actor importer, DateTimeOffset now)
    {
        _agencies = agencies.GroupBy(a => Key(a.Name)).ToDictionary(g => g.Key, g => g.First());
        var known = accounts.ToList();
        _byUsername = known.ToDictionary(a => a.Username, StringComparer.Ordinal);
        _personByEmail = known.GroupBy(a => a.Email).ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.Ordinal);
        _applicants = [.. peopleWithImportedApplicant];
        (_agreement, _importer, _now) = (agreement, importer, now);
    }

    public List<HmisAccount> NewAccounts { get; } = [];

    /// <summary>The name each new account's row gave its person, for the event that makes them known.</summary>
    public Dictionary<Guid, (string GivenName, string FamilyName)> NamesOf { get; } = [];

    /// <summary>The name and e-mail each imported person signs the agreement with, kept as an applicant of no request.</summary>
    public List<Applicant> NewApplicants { get; } = [];

    /// <summary>The people of the rows taken, by e-mail.</summary>
    public IReadOnlyDictionary<string, Guid> People => _peopleOfRows;

    private readonly Dictionary<string, Guid> _peopleOfRows = new(StringComparer.Ordinal);

    public ImportRowOutcome Account(int line, string givenName, string familyName, string email, string agencyName, string hmisUsername, bool? active,
        string lastLoginOn, IReadOnlyList<ProjectType> projectTypes, IReadOnlyList<Responsibility> responsibilities, string euaSignedOn) =>
        ImportBatch.Row(line, () =>
        {
            var facts = Check(givenName, familyName, email, agencyName, hmisUsername, active, lastLoginOn, projectTypes, responsibilities, euaSignedOn);
            var personId = _personByEmail.GetValueOrDefault(facts.Email.Value);
            if (_byUsername.TryGetValue(facts.Username, out var existing))
            {
                if (existing.Email != facts.Email.Value)
                {
                    throw Refusal(DuplicateUsernameReason, "hmis_username", "held, now or before, by another person");
                }
                if (existing.Route != AccountRoute.Imported)
                {
                    throw Refusal(MadeOnPlatformReason, "hmis_username", "an account issued on the platform, which the import does not change");
                }
                if (existing.AgencyId != facts.AgencyId)
                {
                    throw Refusal(AgencyChangedReason, "agency_name", "the account is at another agency on the platform");
                }
                var changed = existing.BringUpTo(facts, _agreement, _importer, _now);
                _peopleOfRows[facts.Email.Value] = existing.PersonId;
                return ImportRowOutcome.Made(line, existing.Id, isNew: false, changed);
            }
            if (facts.Active && _byUsername.Values.Any(a => a.Email == facts.Email.Value && a.AgencyId == facts.AgencyId && a.Status != AccountStatus.Removed))
            {
                throw Refusal(SecondLiveAccountReason, "hmis_username", "the person has a live account at this agency under another username");
            }
            if (personId == Guid.Empty)
            {
                personId = Guid.CreateVersion7(_now);
                _personByEmail[facts.Email.Value] = personId;
            }
            var account = HmisAccount.Imported(facts, personId, _agreement, _importer, _now);
            NewAccounts.Add(account);
            NamesOf[account.Id] = (givenName.Trim(), familyName.Trim());
            _byUsername[account.Username] = account;
            if (_applicants.Add(personId))
            {
                NewApplicants.Add(new Applicant(personId, Guid.Empty, facts.AgencyId, givenName.Trim(), familyName.Trim(), facts.Email.Value, facts.ProjectTypes));
            }
            _peopleOfRows[facts.Email.Value] = personId;
            return ImportRowOutcome.Made(line, account.Id, isNew: true, changed: true);
        });

    private AccountImportFacts Check(string givenName, string familyName, string email, string agencyName, string hmisUsername, bool? active,
        string lastLoginOn, IReadOnlyList<ProjectType> projectTypes, IReadOnlyList<Responsibility> responsibilities, string euaSignedOn)
    {
        var problems = new RowProblems();
        problems.Check(givenName.Trim().Length is > 0 and <= 100, "given_name", "required, at most 100 characters", NameRequiredReason);
        problems.Check(familyName.Trim().Length is > 0 and <= 100, "family_name", "required, at most 100 characters", NameRequiredReason);
        var agency = _agencies.GetValueOrDefault(Key(agencyName));
        problems.Check(agency is not null, "agency_name", "no agency of this name, in agencies.csv or on the platform", UnknownAgencyReason);
        var address = problems.Try(() => EmailAddress.Parse(email, "email"));
        if (address is not null && agency is not null && !agency.EmailDomains.Contains(address.Domain, StringComparer.Ordinal))
        {
            problems.Add(PersonalMailDomains.Contains(address.Domain)
                ? new FieldViolation("email", "a personal e-mail; the account's e-mail is the agency's", PersonalEmailReason)
                : new FieldViolation("email", "not in one of the agency's e-mail domains", EmailNotAgencyDomainReason));
        }
        var username = hmisUsername.Trim().ToLowerInvariant();
        problems.Check(UsernamePattern().IsMatch(username), "hmis_username", "2 to 32 of a-z, 0-9, '.', '-', '_'", InvalidUsernameReason);
        problems.Check(username.Length == 0 || _usernamesInFile.Add(username), "hmis_username", "on an earlier line too", DuplicateUsernameReason);
        problems.Check(active is not null, "status", "ACTIVE or REMOVED", StatusRequiredReason);
        var today = Continuum.DateOf(_now);
        var lastLogin = problems.Try(() => ImportBatch.PastDate(lastLoginOn, "last_login_on", today));
        var signed = problems.Try(() => ImportBatch.PastDate(euaSignedOn, "eua_signed_on", today));
        problems.Check(active != true || !string.IsNullOrWhiteSpace(euaSignedOn), "eua_signed_on", "required for an active account", AgreementDateRequiredReason);
        problems.Check(projectTypes.Count > 0 && !projectTypes.Contains(ProjectType.Unspecified), "project_types", "at least one known project type", ProjectTypesRequiredReason);
        problems.Check(responsibilities.Count > 0 && !responsibilities.Contains(Responsibility.Unspecified), "responsibilities", "at least one known responsibility", ResponsibilitiesRequiredReason);
        problems.ThrowIfAny();
        return new AccountImportFacts(agency!.Id, address!, username, active!.Value, lastLogin, signed, [.. projectTypes.Distinct()], [.. responsibilities.Distinct()]);
    }

    private static DomainException Refusal(string reason, string column, string description) =>
        DomainException.Invalid(reason, "The row is refused.", new FieldViolation(column, description, reason));

    private static string Key(string name) => name.Trim().ToUpperInvariant();

    [GeneratedRegex("^[a-z0-9._-]{2,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
