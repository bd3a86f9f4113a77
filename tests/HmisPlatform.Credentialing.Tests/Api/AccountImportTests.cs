using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using AccountStatus = Hmis.Credentialing.V1.AccountStatus;
using ImportAgency = Hmis.Credentialing.V1.ImportAgency;
using ImportOutcome = Hmis.Common.V1.ImportOutcome;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>The go-live import of accounts and credit balances, through the API: what it keeps, what it refuses, and who may run it.</summary>
public sealed class AccountImportTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
    private readonly ActiveAccounts _accounts = new(service);

    private Credentials.CredentialsClient HmisTeam => _accounts.As(TestTokens.HmisTeam());

    private static ImportAccountsRequest Request(bool dryRun = false, bool skip = false, params AccountImportRow[] rows) => new()
    {
        Mode = new ImportMode { DryRun = dryRun, SkipBadRows = skip },
        Agencies = { new ImportAgency { AgencyId = TestTokens.DefaultAgencyId, AgencyName = "Test Agency", EmailDomains = { "agency.example.org" } } },
        Accounts = { rows },
    };

    private static AccountImportRow Row(int line, string given, string family, string username, string email = "", string lastLogin = "", AccountStatus status = AccountStatus.Active) => new()
    {
        Line = line, GivenName = given, FamilyName = family, Email = email.Length > 0 ? email : $"{given.ToLowerInvariant()}@agency.example.org",
        AgencyName = "test agency", HmisUsername = username, Status = status, LastLoginOn = lastLogin.Length > 0 ? lastLogin : Today,
        ProjectTypes = { ProjectType.EmergencyShelter }, Responsibilities = { Responsibility.EnterClientData }, EuaSignedOn = "2025-06-01",
    };

    [Fact]
    public async Task ImportedUsername_IsNeverIssuedAgain_ToSomeoneElseOfTheSameName()
    {
        var imported = await HmisTeam.ImportAccountsAsync(Request(rows: Row(2, "Quinn", "Harlowe", "qharlowe", "quinn.old@agency.example.org")));
        Assert.Equal(ImportOutcome.New, Assert.Single(imported.Accounts).Outcome);

        var (person, accessRequest) = await _accounts.ApproveAndPassAsync("Quinn", "Harlowe");
        var issued = await _accounts.AccountOfAsync(person, accessRequest);

        Assert.Equal("qharlowe2", issued.Username);
    }

    [Fact]
    public async Task SecondRun_ChangesNothing_AndACorrectedRowUpdatesOnlyWhatChanged()
    {
        var row = Row(2, "Renata", "Oyelaran", "roye", lastLogin: "2026-10-01");
        var first = await HmisTeam.ImportAccountsAsync(Request(rows: row));
        var again = await HmisTeam.ImportAccountsAsync(Request(rows: row));
        row.LastLoginOn = "2026-11-01";
        var corrected = await HmisTeam.ImportAccountsAsync(Request(rows: row));

        Assert.Equal([ImportOutcome.New, ImportOutcome.Unchanged, ImportOutcome.Updated], [first.Accounts[0].Outcome, again.Accounts[0].Outcome, corrected.Accounts[0].Outcome]);
        Assert.Equal(first.Accounts[0].Id, corrected.Accounts[0].Id);
        var account = Assert.Single((await HmisTeam.FindPersonAccessAsync(new FindPersonAccessRequest { Username = "roye" })).Accounts);
        Assert.Equal((AccountStatus.Active, Hmis.Credentialing.V1.AccountRoute.Imported), (account.Status, account.Route));
        Assert.Equal(Continuum.StartOf(new DateOnly(2026, 11, 1)), account.LastActivityAt.ToDateTimeOffset());
        Assert.Equal(first.People.Single().PersonId, account.PersonId);
    }

    [Fact]
    public async Task ABatchWithARefusedRow_ImportsNothing_UnlessBadRowsAreSkipped_AndADryRunNothingEver()
    {
        var good = Row(2, "Sunniva", "Thorsen", "sthorsen");
        var personal = Row(3, "Tariq", "Mansour", "tmansour", "tariq.m@gmail.com");

        var refused = await HmisTeam.ImportAccountsAsync(Request(rows: [good, personal]));
        var dryRun = await HmisTeam.ImportAccountsAsync(Request(dryRun: true, skip: true, rows: [good, personal]));
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.Username == "sthorsen")));
        var skipped = await HmisTeam.ImportAccountsAsync(Request(skip: true, rows: [good, personal]));

        Assert.False(refused.Applied);
        Assert.Equal((ImportOutcome.New, ImportOutcome.Refused), (refused.Accounts[0].Outcome, refused.Accounts[1].Outcome));
        Assert.Equal(("email", AccountImport.PersonalEmailReason), (refused.Accounts[1].Problems.Single().Column, refused.Accounts[1].Problems.Single().Reason));
        Assert.False(dryRun.Applied);
        Assert.True(skipped.Applied);
        Assert.Equal(1, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.Username == "sthorsen")));
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.Username == "tmansour")));
    }

    [Fact]
    public async Task AnAccountIssuedOnThePlatform_IsNotChangedByTheImport()
    {
        var live = await _accounts.ActiveAsync("Ulla", "Brandt");

        var answer = await HmisTeam.ImportAccountsAsync(Request(rows: Row(2, "Ulla", "Brandt", live.Username, status: AccountStatus.Removed)));

        Assert.Equal(AccountImport.MadeOnPlatformReason, Assert.Single(answer.Accounts).Problems.Single().Reason);
        Assert.Equal(AccountStatus.Active, (await HmisTeam.FindPersonAccessAsync(new FindPersonAccessRequest { Username = live.Username })).Accounts.Single().Status);
    }

    [Fact]
    public async Task OpeningBalance_IsRecordedOnce_AndACorrectionAddsTheDifference()
    {
        var agency = Guid.NewGuid().ToString();
        ImportCreditBalancesRequest Balance(int credits) => new() { Balances = { new CreditBalanceImportRow { Line = 2, AgencyId = agency, LicenseCredits = credits } } };

        var first = await service.HmisTeamCredits.ImportCreditBalancesAsync(Balance(30));
        var again = await service.HmisTeamCredits.ImportCreditBalancesAsync(Balance(30));
        var corrected = await service.HmisTeamCredits.ImportCreditBalancesAsync(Balance(40));
        var balance = await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency });
        var ledger = await service.HmisTeamCredits.ListCreditLedgerAsync(new ListCreditLedgerRequest { AgencyId = agency });

        Assert.Equal([ImportOutcome.New, ImportOutcome.Unchanged, ImportOutcome.Updated], [first.Balances[0].Outcome, again.Balances[0].Outcome, corrected.Balances[0].Outcome]);
        Assert.Equal(40, balance.Balance.Available);
        Assert.Equal([30, 10], ledger.Entries.Select(e => e.Credits));
        Assert.All(ledger.Entries, e => Assert.Equal(CreditEntryKind.OpeningBalance, e.Kind));
    }

    [Fact]
    public async Task OnlyTheHmisTeam_WithTheImportScope_Imports()
    {
        var agencySystem = _accounts.As(TestTokens.Issue());
        var hmisTeamWithoutScope = _accounts.As(TestTokens.Issue(scopes: PlatformIdentity.Scopes.Where(s => s != PlatformIdentity.DataImport), agencyId: null, role: PlatformIdentity.HmisTeamRole));

        var byAgency = await RpcErrors.CatchAsync(() => agencySystem.ImportAccountsAsync(Request(rows: Row(2, "Vera", "Lindgren", "vlindgren"))).ResponseAsync);
        var withoutScope = await RpcErrors.CatchAsync(() => hmisTeamWithoutScope.ImportAccountsAsync(Request(rows: Row(2, "Vera", "Lindgren", "vlindgren"))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, withoutScope.StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.Username == "vlindgren")));
    }
}

/// <summary>The access list through the API: streamed in batches, every active account, an agency only its own.</summary>
public sealed class ActiveAccountExportTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    [Fact]
    public async Task TheAccessList_StreamsEveryActiveAccountInBatches_WithItsAgreement_AndAnAgencySeesOnlyItsOwn()
    {
        var agency = Guid.NewGuid().ToString();
        var hmisTeam = new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.HmisTeam()));
        var rows = Enumerable.Range(0, 620).Select(i => new AccountImportRow
        {
            Line = i + 2, GivenName = "Bulk", FamilyName = $"Person{i}", Email = $"bulk{i}@bulk.example.org", AgencyName = "Bulk Agency", HmisUsername = $"bulk{i}",
            Status = i == 0 ? AccountStatus.Removed : AccountStatus.Active, LastLoginOn = "2026-11-01", EuaSignedOn = "2025-06-01",
            ProjectTypes = { ProjectType.Ssvf }, Responsibilities = { Responsibility.Reporting },
        });
        var imported = await hmisTeam.ImportAccountsAsync(new ImportAccountsRequest
        {
            Agencies = { new ImportAgency { AgencyId = agency, AgencyName = "Bulk Agency", EmailDomains = { "bulk.example.org" } } },
            Accounts = { rows },
        });
        Assert.True(imported.Applied);

        var batches = await hmisTeam.ExportActiveAccounts(new ExportActiveAccountsRequest { AgencyId = agency }).ReadAllAsync();
        var otherAgency = await new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.Issue())).ExportActiveAccounts(new ExportActiveAccountsRequest()).ReadAllAsync();
        var refused = await RpcErrors.CatchAsync(() => new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.Issue()))
            .ExportActiveAccounts(new ExportActiveAccountsRequest { AgencyId = agency }).ReadAllAsync());

        var accounts = batches.SelectMany(b => b.Accounts).ToList();
        Assert.True(batches.Count >= 2, $"{batches.Count} batch(es)");
        Assert.Equal(619, accounts.Count);
        Assert.DoesNotContain(accounts, a => a.Username == "bulk0");
        var first = accounts.Single(a => a.Username == "bulk1");
        Assert.Equal(("Bulk Person1", "bulk1@bulk.example.org", agency), (first.FullName, first.Email, first.AgencyId));
        Assert.NotEmpty(first.AgreementVersion);
        Assert.Equal(Continuum.StartOf(new DateOnly(2026, 11, 1)), first.LastLoginAt.ToDateTimeOffset());
        Assert.DoesNotContain(otherAgency.SelectMany(b => b.Accounts), a => a.AgencyId == agency);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
