using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// The go-live import of the Continuum's agencies (agencies.csv) and their ATAs and Supervisors (administrators.csv)
/// into what the platform has. An agency is matched by name (any case), an administrator by e-mail. Imported agencies
/// are in the HMIS; their APA dates decide whether they may request access, as for any agency. Each row is checked in
/// full before it changes anything (<see cref="ImportBatch"/>).
/// </summary>
public sealed class AgencyImport
{
    public const string UnknownAgencyReason = "UNKNOWN_AGENCY";
    public const string AmbiguousAgencyReason = "AGENCY_NAME_AMBIGUOUS";
    public const string ProjectTypesRequiredReason = "PROJECT_TYPES_REQUIRED";
    public const string AdministratorElsewhereReason = "ADMINISTRATOR_AT_ANOTHER_AGENCY";

    private readonly Dictionary<string, List<Agency>> _agenciesByName;
    private readonly Dictionary<string, AgencyAdministrator> _administratorsByEmail;
    private readonly HashSet<string> _namesInFile = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _emailsInFile = new(StringComparer.Ordinal);
    private readonly DateOnly _today;
    private readonly Func<Guid> _newId;

    public AgencyImport(IEnumerable<Agency> agencies, IEnumerable<AgencyAdministrator> administrators, DateOnly today, Func<Guid> newId)
    {
        _agenciesByName = agencies.GroupBy(a => Key(a.Name)).ToDictionary(g => g.Key, g => g.ToList());
        _administratorsByEmail = administrators.ToDictionary(a => a.Email, StringComparer.Ordinal);
        (_today, _newId) = (today, newId);
    }

    /// <summary>Agencies the import made; the caller stores them.</summary>
    public List<Agency> NewAgencies { get; } = [];

    /// <summary>Administrators the import named; the caller stores them.</summary>
    public List<AgencyAdministrator> NewAdministrators { get; } = [];

    /// <summary>One row of agencies.csv: a new agency, or the one of that name brought up to the row.</summary>
    public ImportRowOutcome Agency(int line, string name, IEnumerable<string> emailDomains, string apaStart, string apaEnd, IReadOnlyList<ProjectType> projectTypes) =>
        ImportBatch.Row(line, () =>
        {
            var types = projectTypes.Distinct().Order().ToList();
            if (types.Count == 0 || types.Contains(ProjectType.Unspecified))
            {
                throw DomainException.Invalid(ProjectTypesRequiredReason, "Name the project types the agency runs.",
                    new FieldViolation("project_types", "at least one known project type", ProjectTypesRequiredReason));
            }
            ImportBatch.PastDate(apaStart, "apa_start", _today);
            var existing = Single(name, required: false);
            var projects = types.Select(t => existing?.Projects.FirstOrDefault(p => p.ProjectType == t)?.Name ?? ProjectName(t)).Zip(types);
            var profile = AgencyProfile.Create(name, emailDomains, inHmis: true, apaStart, apaEnd, projects.Select(p => (p.First, p.Second)));
            if (!_namesInFile.Add(profile.Name))
            {
                throw DomainException.Invalid(ImportBatch.DuplicateInFileReason, "The file names this agency twice.",
                    new FieldViolation("agency_name", "named on an earlier line", ImportBatch.DuplicateInFileReason));
            }
            if (existing is null)
            {
                var agency = new Agency(_newId(), profile);
                NewAgencies.Add(agency);
                _agenciesByName[Key(agency.Name)] = [agency];
                return ImportRowOutcome.Made(line, agency.Id, isNew: true, changed: true);
            }
            var changed = !existing.Matches(profile);
            if (changed)
            {
                existing.Update(profile);
            }
            return ImportRowOutcome.Made(line, existing.Id, isNew: false, changed);
        }, Column);

    /// <summary>One row of administrators.csv: a new ATA or Supervisor of a known agency, or the one of that e-mail brought up to the row.</summary>
    public ImportRowOutcome Administrator(int line, string agencyName, AdministratorRole role, string givenName, string familyName, string email, string trainingCompletedOn) =>
        ImportBatch.Row(line, () =>
        {
            var agency = Single(agencyName, required: true)!;
            var address = EmailAddress.Parse(email, "email");
            if (!_emailsInFile.Add(address.Value))
            {
                throw DomainException.Invalid(ImportBatch.DuplicateInFileReason, "The file names this person twice.",
                    new FieldViolation("email", "named on an earlier line", ImportBatch.DuplicateInFileReason));
            }
            var trainedOn = ImportBatch.PastDate(trainingCompletedOn, "ata_training_completed_on", _today);
            var fullName = $"{givenName.Trim()} {familyName.Trim()}".Trim();
            if (!_administratorsByEmail.TryGetValue(address.Value, out var existing))
            {
                var administrator = agency.Appoint(_newId(), fullName, address.Value, role, _today);
                if (trainedOn is { } day)
                {
                    administrator.RecordTraining(AtaTrainingKind.BeforeGoLive, day, _today);
                }
                NewAdministrators.Add(administrator);
                _administratorsByEmail[administrator.Email] = administrator;
                return ImportRowOutcome.Made(line, administrator.Id, isNew: true, changed: true);
            }
            if (existing.AgencyId != agency.Id)
            {
                throw DomainException.Invalid(AdministratorElsewhereReason, "This e-mail is an administrator's at another agency.",
                    new FieldViolation("email", "an administrator's at another agency", AdministratorElsewhereReason));
            }
            // The same checks a new appointment takes (name, domain, role), without making one.
            agency.Appoint(existing.Id, fullName, address.Value, role, _today);
            var changed = existing.Revise(fullName, role);
            if (trainedOn is { } completed && existing.TrainingCompletedOn != completed)
            {
                existing.RecordTraining(existing.TrainingKind == AtaTrainingKind.Unspecified ? AtaTrainingKind.BeforeGoLive : existing.TrainingKind, completed, _today);
                changed = true;
            }
            return ImportRowOutcome.Made(line, existing.Id, isNew: false, changed);
        }, Column);

    /// <summary>The name a project of an imported type gets: the type in words, as the contracts name it.</summary>
    public static string ProjectName(ProjectType type) => type switch
    {
        ProjectType.DropInDayShelter => "Drop-in / Day Shelter",
        ProjectType.EmergencyShelter => "Emergency Shelter",
        ProjectType.EmploymentAndIncome => "Employment and Income",
        ProjectType.HousingPshRrhFamilies => "PSH / RRH (Families)",
        ProjectType.HousingPshRrhSingles => "PSH / RRH (Singles)",
        ProjectType.HousingSystemNavigation => "Housing System Navigation",
        ProjectType.Hpcc => "HPCC",
        ProjectType.OutreachPath => "Outreach / PATH",
        ProjectType.ServicesOnly => "Services Only",
        ProjectType.Ssvf => "SSVF",
        ProjectType.StateHomelessPrevention => "State Homeless Prevention",
        ProjectType.CoordinatedEntry1474 => "Coordinated Entry 1474",
        _ => type.ToString(),
    };

    private Agency? Single(string name, bool required)
    {
        var found = _agenciesByName.GetValueOrDefault(Key(name)) ?? [];
        return found.Count switch
        {
            1 => found[0],
            0 when !required => null,
            0 => throw DomainException.Invalid(UnknownAgencyReason, "No agency of this name, in the file or on the platform.",
                new FieldViolation("agency_name", "no agency of this name", UnknownAgencyReason)),
            _ => throw DomainException.Invalid(AmbiguousAgencyReason, "More than one agency has this name; rename one first.",
                new FieldViolation("agency_name", "more than one agency has this name", AmbiguousAgencyReason)),
        };
    }

    private static string Key(string name) => name.Trim().ToUpperInvariant();

    /// <summary>The contract's fields in the files' words.</summary>
    private static string Column(string field) => field switch
    {
        "name" => "agency_name",
        "apa_signed_on" => "apa_start",
        "apa_ends_on" => "apa_end",
        "projects" => "project_types",
        "full_name" => "given_name",
        "completed_on" => "ata_training_completed_on",
        _ => field,
    };
}
