using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using Hmis.Training.V1;
using ContractAccountStatus = Hmis.Credentialing.V1.AccountStatus;

namespace HmisPlatform.Import;

/// <summary>The counts of one file, as the report and the audit give them.</summary>
public sealed record FileCounts(int New, int Updated, int Unchanged, int Refused)
{
    public override string ToString() => $"{New} new, {Updated} updated, {Unchanged} unchanged, {Refused} refused";
}

/// <summary>What a run did (or, in a dry run, would do): each row's outcome, and every refused row's problems.</summary>
public sealed class ImportReport
{
    private readonly Dictionary<string, Dictionary<int, ImportOutcome>> _rows = [];

    public List<RowProblem> Problems { get; } = [];

    public bool Applied { get; set; }

    public IReadOnlyList<string> FileNames => [.. _rows.Keys];

    public void Set(string file, int line, ImportOutcome outcome) => RowsOf(file)[line] = outcome;

    public ImportOutcome Get(string file, int line) => RowsOf(file).GetValueOrDefault(line);

    public Dictionary<int, ImportOutcome> RowsOf(string file) => _rows.TryGetValue(file, out var rows) ? rows : _rows[file] = [];

    public FileCounts CountsOf(string file)
    {
        var rows = RowsOf(file).Values.ToList();
        return new FileCounts(rows.Count(o => o == ImportOutcome.New), rows.Count(o => o == ImportOutcome.Updated),
            rows.Count(o => o == ImportOutcome.Unchanged), rows.Count(o => o is ImportOutcome.Refused or ImportOutcome.Unspecified));
    }
}

/// <summary>The gateway's clients the import calls, all with the HMIS team's token.</summary>
public sealed record ImportClients(
    Agencies.AgenciesClient Agencies, StaffAccounts.StaffAccountsClient StaffAccounts, Credentials.CredentialsClient Credentials,
    LicenseCredits.LicenseCreditsClient Credits, Hmis.Training.V1.Training.TrainingClient Training);

/// <summary>
/// The go-live import, in the order the data depends on: agencies and their administrators (Requests), the
/// administrators' sign-ins (gateway), the accounts people hold (Credentialing), the credit balances (Credentialing), the
/// LMS records (Training). Every file is first checked in full as a dry run; only when nothing is refused (or the bad
/// rows are to be skipped) is anything written, in batches, with progress.
/// </summary>
public sealed class GoLiveImport(ImportClients clients, Action<string, int, int>? progress = null)
{
    public const int BatchSize = 100;

    public async Task<ImportReport> RunAsync(string folder, bool dryRun, bool skipBadRows, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, List<CsvRow>>();
        var check = new ImportReport();
        foreach (var file in ImportFiles.Columns.Keys)
        {
            var (rows, fileProblem) = ImportFiles.Read(folder, file);
            if (fileProblem is not null)
            {
                check.Problems.Add(fileProblem);
                check.RowsOf(file);
            }
            if (rows is not null)
            {
                files[file] = rows;
            }
        }
        var plan = new ImportPlan(files);
        await RunPassAsync(plan, check, apply: false, skipBadRows, cancellationToken);
        var anyRefused = check.Problems.Count > 0;
        if (dryRun || (anyRefused && !skipBadRows) || check.Problems.Any(p => p.Line == 0))
        {
            return check;
        }
        var done = new ImportReport { Applied = true };
        await RunPassAsync(plan.Without(check), done, apply: true, skipBadRows, cancellationToken);
        return done;
    }

    private async Task RunPassAsync(ImportPlan plan, ImportReport report, bool apply, bool skipBadRows, CancellationToken ct)
    {
        var mode = new ImportMode { DryRun = !apply, SkipBadRows = skipBadRows };
        var options = new CallOptions(cancellationToken: ct);

        // Agencies and administrators: one call, since administrators name agencies of the same file set.
        var agencyRows = plan.Agencies.Where(r => r.Message is not null).ToList();
        var administratorRows = plan.Administrators.Where(r => r.Message is not null).ToList();
        var agencies = new ImportAgenciesResponse();
        if (agencyRows.Count + administratorRows.Count > 0)
        {
            var agenciesRequest = new ImportAgenciesRequest { Mode = mode };
            agenciesRequest.Agencies.AddRange(agencyRows.Select(r => r.Message));
            agenciesRequest.Administrators.AddRange(administratorRows.Select(r => r.Message));
            agencies = await clients.Agencies.ImportAgenciesAsync(agenciesRequest, options);
        }
        Tally(report, ImportFiles.Agencies, plan.Agencies, agencyRows.Zip(agencies.Agencies));
        Tally(report, ImportFiles.Administrators, plan.Administrators, administratorRows.Zip(agencies.Administrators));
        progress?.Invoke(ImportFiles.Agencies, 1, 1);

        // The administrators' sign-ins, with the person ids the agencies' import gave them.
        var agencyIdByName = await AgencyDirectoryAsync(agencyRows.Zip(agencies.Agencies), options);
        var signIns = administratorRows.Zip(agencies.Administrators)
            .Where(p => p.Second.Outcome != ImportOutcome.Refused && agencyIdByName.ContainsKey(Key(p.First.Message!.AgencyName)))
            .Select(p => new StaffAccountImportRow
            {
                Line = p.First.Line, PersonId = p.Second.Id, Email = p.First.Message!.Email,
                Role = p.First.Message.Role == AdministratorRole.Ata ? "ata" : "supervisor",
                AgencyId = agencyIdByName[Key(p.First.Message.AgencyName)].Id,
            }).ToList();
        if (signIns.Count > 0)
        {
            var staff = await clients.StaffAccounts.ImportStaffAccountsAsync(new ImportStaffAccountsRequest { Mode = mode, Accounts = { signIns } }, options);
            // A sign-in refused makes its administrator's row refused; one that is new or unchanged leaves it as it was.
            foreach (var refused in staff.Accounts.Where(a => a.Outcome == ImportOutcome.Refused))
            {
                Refuse(report, ImportFiles.Administrators, refused);
            }
        }

        // The accounts people hold, in batches, against the agencies as they now are.
        var people = administratorRows.Zip(agencies.Administrators).Where(p => p.Second.Id.Length > 0)
            .ToDictionary(p => p.First.Message!.Email.Trim().ToLowerInvariant(), p => p.Second.Id);
        var userRows = plan.Users.Where(r => r.Message is not null).ToList();
        var directory = agencyIdByName.Values.Select(a => new ImportAgency { AgencyId = a.Id, AgencyName = a.Name, EmailDomains = { a.Domains } }).ToList();
        var userResults = new List<ImportRowResult>();
        foreach (var batch in apply ? userRows.Chunk(BatchSize) : [userRows.ToArray()])
        {
            if (batch.Length == 0)
            {
                continue;
            }
            var answer = await clients.Credentials.ImportAccountsAsync(new ImportAccountsRequest { Mode = mode, Agencies = { directory }, Accounts = { batch.Select(r => r.Message) } }, options);
            userResults.AddRange(answer.Accounts);
            foreach (var person in answer.People)
            {
                people[person.Email] = person.PersonId;
            }
            progress?.Invoke(ImportFiles.Users, userResults.Count, userRows.Count);
        }
        Tally(report, ImportFiles.Users, plan.Users, userRows.Zip(userResults));

        // Opening credit balances, of the agencies' rows that name them.
        var creditRows = plan.Agencies.Where(r => r.Message is not null && r.Credits is not null && agencyIdByName.ContainsKey(Key(r.Message.AgencyName)))
            .Select(r => new CreditBalanceImportRow { Line = r.Line, AgencyId = agencyIdByName[Key(r.Message!.AgencyName)].Id, LicenseCredits = r.Credits!.Value }).ToList();
        if (creditRows.Count > 0)
        {
            var credits = await clients.Credits.ImportCreditBalancesAsync(new ImportCreditBalancesRequest { Mode = mode, Balances = { creditRows } }, options);
            foreach (var result in credits.Balances)
            {
                if (result.Outcome == ImportOutcome.Refused)
                {
                    Refuse(report, ImportFiles.Agencies, result);
                }
                else if (result.Outcome is ImportOutcome.New or ImportOutcome.Updated)
                {
                    Promote(report, ImportFiles.Agencies, result.Line);
                }
            }
        }

        // LMS accounts and course records, for the people found above.
        var lmsRows = plan.Lms.Where(r => r.Message is not null).ToList();
        foreach (var row in lmsRows)
        {
            row.Message!.PersonId = people.GetValueOrDefault(row.Message.Email.Trim().ToLowerInvariant(), "");
        }
        var lmsResults = new List<ImportRowResult>();
        foreach (var batch in apply ? lmsRows.Chunk(BatchSize * 2) : [lmsRows.ToArray()])
        {
            if (batch.Length == 0)
            {
                continue;
            }
            var answer = await clients.Training.ImportLmsRecordsAsync(new ImportLmsRecordsRequest { Mode = mode, Records = { batch.Select(r => r.Message) } }, options);
            lmsResults.AddRange(answer.Records);
            progress?.Invoke(ImportFiles.Lms, lmsResults.Count, lmsRows.Count);
        }
        Tally(report, ImportFiles.Lms, plan.Lms, lmsRows.Zip(lmsResults));
    }

    /// <summary>Every agency the rows may name: the platform's (read after the agencies' import), and in a check those the import would add.</summary>
    private async Task<Dictionary<string, (string Id, string Name, IReadOnlyList<string> Domains)>> AgencyDirectoryAsync(
        IEnumerable<(PlannedRow<AgencyImportRow> Row, ImportRowResult Result)> imported, CallOptions options)
    {
        var directory = new Dictionary<string, (string Id, string Name, IReadOnlyList<string> Domains)>(StringComparer.Ordinal);
        foreach (var agency in (await clients.Agencies.ListAgenciesAsync(new ListAgenciesRequest(), options)).Agencies)
        {
            directory[Key(agency.Name)] = (agency.Id, agency.Name, [.. agency.EmailDomains]);
        }
        foreach (var (row, result) in imported.Where(p => p.Result.Outcome != ImportOutcome.Refused))
        {
            directory[Key(row.Message!.AgencyName)] = (result.Id, row.Message.AgencyName, [.. row.Message.EmailDomains.Select(d => d.Trim().ToLowerInvariant())]);
        }
        return directory;
    }

    private static void Tally<T>(ImportReport report, string file, IEnumerable<PlannedRow<T>> all, IEnumerable<(PlannedRow<T> Row, ImportRowResult Result)> answered)
        where T : class
    {
        report.RowsOf(file);
        foreach (var row in all.Where(r => r.Message is null))
        {
            report.Set(file, row.Line, ImportOutcome.Refused);
            report.Problems.AddRange(row.Problems);
        }
        foreach (var (row, result) in answered)
        {
            report.Set(file, row.Line, result.Outcome);
            report.Problems.AddRange(result.Problems.Select(p => new RowProblem(file, row.Line, p.Column, p.Description, p.Reason)));
        }
    }

    /// <summary>A row another service refused after its own file's service took it: the row is refused.</summary>
    private static void Refuse(ImportReport report, string file, ImportRowResult result)
    {
        report.Set(file, result.Line, ImportOutcome.Refused);
        report.Problems.AddRange(result.Problems.Select(p => new RowProblem(file, result.Line, p.Column, p.Description, p.Reason)));
    }

    /// <summary>An agency row the agencies' import found unchanged whose credit balance changed: the row is updated.</summary>
    private static void Promote(ImportReport report, string file, int line)
    {
        if (report.Get(file, line) == ImportOutcome.Unchanged)
        {
            report.Set(file, line, ImportOutcome.Updated);
        }
    }

    private static string Key(string name) => name.Trim().ToUpperInvariant();
}
