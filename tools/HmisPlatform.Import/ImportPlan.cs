using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using Hmis.Training.V1;
using ContractAccountStatus = Hmis.Credentialing.V1.AccountStatus;

namespace HmisPlatform.Import;

/// <summary>One row as the contract takes it, or null with the problems of reading it (an unknown enum value, not a number).</summary>
public sealed record PlannedRow<T>(int Line, T? Message, IReadOnlyList<RowProblem> Problems, int? Credits = null) where T : class;

/// <summary>
/// The files' rows in the contracts' words. Reading only: what a value may be (a date not in the future, a domain of
/// the agency) is the services' to say, in their own Domain; here a cell is only turned into the contract's type.
/// </summary>
public sealed class ImportPlan(IReadOnlyDictionary<string, List<CsvRow>> files)
{
    public IReadOnlyList<PlannedRow<AgencyImportRow>> Agencies { get; private init; } = Plan<AgencyImportRow>(files, ImportFiles.Agencies, row =>
    {
        var message = new AgencyImportRow
        {
            Line = row.Line, AgencyName = row.Text("agency_name"), ApaStart = row.Text("apa_start"), ApaEnd = row.Text("apa_end"),
            EmailDomains = { row.List("email_domains") },
        };
        message.ProjectTypes.AddRange(ProjectTypes(row, "project_types"));
        return (message, row.Number("license_credits", required: false));
    });

    public IReadOnlyList<PlannedRow<AdministratorImportRow>> Administrators { get; private init; } = Plan<AdministratorImportRow>(files, ImportFiles.Administrators, row =>
    {
        var role = row.Enum<AdministratorRole>("role", row.Text("role"), EnumOf(AgenciesReflection.Descriptor, "AdministratorRole"), "ADMINISTRATOR_ROLE_");
        return (new AdministratorImportRow
        {
            Line = row.Line, AgencyName = row.Text("agency_name"), Role = role ?? AdministratorRole.Unspecified, GivenName = row.Text("given_name"),
            FamilyName = row.Text("family_name"), Email = row.Text("email"), AtaTrainingCompletedOn = row.Text("ata_training_completed_on"),
        }, (int?)null);
    });

    public IReadOnlyList<PlannedRow<AccountImportRow>> Users { get; private init; } = Plan<AccountImportRow>(files, ImportFiles.Users, row =>
    {
        var status = row.Text("status").ToUpperInvariant() switch
        {
            "ACTIVE" => ContractAccountStatus.Active,
            "REMOVED" => ContractAccountStatus.Removed,
            _ => Unknown(row, "status", "not one of ACTIVE, REMOVED"),
        };
        var message = new AccountImportRow
        {
            Line = row.Line, GivenName = row.Text("given_name"), FamilyName = row.Text("family_name"), Email = row.Text("email"),
            AgencyName = row.Text("agency_name"), HmisUsername = row.Text("hmis_username"), Status = status, LastLoginOn = row.Text("last_login_on"),
            EuaSignedOn = row.Text("eua_signed_on"),
        };
        message.ProjectTypes.AddRange(ProjectTypes(row, "project_types"));
        message.Responsibilities.AddRange(row.List("responsibilities")
            .Select(r => row.Enum<Responsibility>("responsibilities", r, EnumOf(AccessReflection.Descriptor, "Responsibility"), "RESPONSIBILITY_") ?? Responsibility.Unspecified));
        return (message, (int?)null);
    });

    public IReadOnlyList<PlannedRow<LmsRecordImportRow>> Lms { get; private init; } = Plan<LmsRecordImportRow>(files, ImportFiles.Lms, row => (new LmsRecordImportRow
    {
        Line = row.Line, Email = row.Text("email"), LmsUsername = row.Text("lms_username"), Course = row.Text("course"),
        ProgressPercent = row.Number("progress_percent", required: true) ?? 0, CompletedOn = row.Text("completed_on"),
    }, (int?)null));

    /// <summary>
    /// The plan without the rows its check refused, for the import pass of --skip-bad-rows: each stays refused with the
    /// check's problems and is not sent, also when a later service refused it (an agency's credits, an administrator's
    /// sign-in), so no row is half imported across services.
    /// </summary>
    public ImportPlan Without(ImportReport check) => new(new Dictionary<string, List<CsvRow>>())
    {
        Agencies = Drop(Agencies, ImportFiles.Agencies, check),
        Administrators = Drop(Administrators, ImportFiles.Administrators, check),
        Users = Drop(Users, ImportFiles.Users, check),
        Lms = Drop(Lms, ImportFiles.Lms, check),
    };

    private static List<PlannedRow<T>> Drop<T>(IReadOnlyList<PlannedRow<T>> rows, string file, ImportReport check) where T : class =>
        [.. rows.Select(r => r.Message is not null && check.Get(file, r.Line) == ImportOutcome.Refused
            ? new PlannedRow<T>(r.Line, null, [.. check.Problems.Where(p => p.File == file && p.Line == r.Line)])
            : r)];

    private static IEnumerable<ProjectType> ProjectTypes(CsvRow row, string column) =>
        row.List(column).Select(t => row.Enum<ProjectType>(column, t, EnumOf(AccessReflection.Descriptor, "ProjectType"), "PROJECT_TYPE_") ?? ProjectType.Unspecified).ToList();

    private static Google.Protobuf.Reflection.EnumDescriptor EnumOf(Google.Protobuf.Reflection.FileDescriptor file, string name) =>
        file.EnumTypes.Single(e => e.Name == name);

    private static ContractAccountStatus Unknown(CsvRow row, string column, string description)
    {
        row.Problems.Add(new RowProblem(row.File, row.Line, column, description, "UNKNOWN_VALUE"));
        return ContractAccountStatus.Unspecified;
    }

    private static List<PlannedRow<T>> Plan<T>(IReadOnlyDictionary<string, List<CsvRow>> files, string file, Func<CsvRow, (T Message, int? Credits)> read) where T : class =>
        [.. (files.GetValueOrDefault(file) ?? []).Select(row =>
        {
            var (message, credits) = read(row);
            return row.Problems.Count == 0 ? new PlannedRow<T>(row.Line, message, [], credits) : new PlannedRow<T>(row.Line, null, row.Problems);
        })];
}
