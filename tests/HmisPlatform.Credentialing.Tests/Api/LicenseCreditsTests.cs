using Google.Rpc;
using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>License credits through the gRPC API: purchases, reservations racing for the last credit, releases, statements.</summary>
public sealed class LicenseCreditsTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private LicenseCredits.LicenseCreditsClient HmisTeam => service.HmisTeamCredits;

    private async Task<Guid> AgencyWithCreditsAsync(int credits)
    {
        var agency = Guid.NewGuid();
        await HmisTeam.RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AgencyId = agency.ToString(),
            Credits = credits,
            Note = "Invoice 2026-114",
        });
        return agency;
    }

    private static ReserveCreditRequest Reservation(Guid agency, Guid? accessRequest = null, Guid? person = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyId = agency.ToString(),
        AccessRequestId = (accessRequest ?? Guid.NewGuid()).ToString(),
        PersonId = (person ?? Guid.NewGuid()).ToString(),
    };

    private async Task<CreditBalance> BalanceAsync(Guid agency) =>
        (await HmisTeam.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency.ToString() })).Balance;

    [Fact]
    public async Task TwentyReservationsRacingForThreeCredits_ExactlyThreeWin_AndTheLedgerAgrees()
    {
        var agency = await AgencyWithCreditsAsync(3);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await HmisTeam.ReserveCreditAsync(Reservation(agency));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                Assert.Equal("LICENSE_CREDITS_EXHAUSTED", e.Reason());
                return e.StatusCode;
            }
        }));

        Assert.Equal(3, attempts.Count(a => a == StatusCode.OK));
        Assert.Equal(17, attempts.Count(a => a == StatusCode.ResourceExhausted));
        var balance = await BalanceAsync(agency);
        Assert.Equal((0, 3, 3), (balance.Available, balance.Reserved, balance.Purchased));
        var ledger = (await HmisTeam.ListCreditLedgerAsync(new ListCreditLedgerRequest { AgencyId = agency.ToString() })).Entries;
        Assert.Equal(3, ledger.Where(e => e.Kind == CreditEntryKind.Purchase).Sum(e => e.Credits));
        Assert.Equal(3, ledger.Count(e => e.Kind == CreditEntryKind.Reservation));
        // The racing reservations took the credits one at a time: the running balance counts down without a gap.
        Assert.Equal([2, 1, 0], ledger.Where(e => e.Kind == CreditEntryKind.Reservation).Select(e => e.AvailableAfter));
    }

    [Fact]
    public async Task Ledger_NewestFirst_PutsTheLatestEntryOnTop_AndPagesBackThroughEveryEntryOnce()
    {
        var agency = await AgencyWithCreditsAsync(5);
        for (var i = 0; i < 4; i++)
        {
            await HmisTeam.ReserveCreditAsync(Reservation(agency));
        }

        var oldestFirst = (await HmisTeam.ListCreditLedgerAsync(new ListCreditLedgerRequest { AgencyId = agency.ToString() })).Entries;
        var newestFirst = new List<CreditLedgerEntry>();
        var token = "";
        do
        {
            var page = await HmisTeam.ListCreditLedgerAsync(new ListCreditLedgerRequest { AgencyId = agency.ToString(), NewestFirst = true, PageSize = 2, PageToken = token });
            newestFirst.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(5, oldestFirst.Count);
        Assert.Equal(CreditEntryKind.Purchase, oldestFirst[0].Kind);
        Assert.Equal(oldestFirst.Reverse(), newestFirst);
    }

    [Fact]
    public async Task Exhausted_IsResourceExhaustedWithAQuotaFailureNamingTheAgency()
    {
        var agency = await AgencyWithCreditsAsync(1);
        await HmisTeam.ReserveCreditAsync(Reservation(agency));

        var error = await RpcErrors.CatchAsync(() => HmisTeam.ReserveCreditAsync(Reservation(agency)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"agencies/{agency}", Assert.Single(error.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations).Subject);
    }

    [Fact]
    public async Task Release_OnDenial_GivesTheCreditBack_Once()
    {
        var agency = await AgencyWithCreditsAsync(1);
        var reserved = (await HmisTeam.ReserveCreditAsync(Reservation(agency))).Reservation;
        var release = new ReleaseCreditRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AgencyId = agency.ToString(),
            AccessRequestId = reserved.AccessRequestId,
            PersonId = reserved.PersonId,
            Reason = "Request denied",
        };

        var released = await HmisTeam.ReleaseCreditAsync(release);
        release.RequestId = Guid.NewGuid().ToString();
        var again = await RpcErrors.CatchAsync(() => HmisTeam.ReleaseCreditAsync(release).ResponseAsync);

        Assert.Equal(ReservationStatus.Released, released.Reservation.Status);
        Assert.Equal((1, 0), (released.Balance.Available, released.Balance.Reserved));
        Assert.Equal((StatusCode.FailedPrecondition, "RESERVATION_NOT_HELD"), (again.StatusCode, again.Reason()));
        Assert.Equal(1, (await BalanceAsync(agency)).Available);
    }

    [Fact]
    public async Task ReservingAgainForTheSamePersonAndRequest_ChangesNothing()
    {
        var agency = await AgencyWithCreditsAsync(2);
        var (request, person) = (Guid.NewGuid(), Guid.NewGuid());

        await HmisTeam.ReserveCreditAsync(Reservation(agency, request, person));
        await HmisTeam.ReserveCreditAsync(Reservation(agency, request, person));

        Assert.Equal((1, 1), ((await BalanceAsync(agency)).Available, (await BalanceAsync(agency)).Reserved));
    }

    [Fact]
    public async Task QuarterlyStatement_CountsTheQuartersConsumptionAtThePrice()
    {
        var agency = await AgencyWithCreditsAsync(5);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var credits = await db.LockCreditsAsync(agency, default);
            for (var i = 0; i < 2; i++)
            {
                db.CreditLedger.Add(credits.Consume(null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "test", DateTimeOffset.UtcNow));
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        var now = DateTimeOffset.UtcNow;

        var statement = await HmisTeam.GetQuarterlyStatementAsync(new GetQuarterlyStatementRequest { AgencyId = agency.ToString(), Year = now.Year, Quarter = (now.Month - 1) / 3 + 1 });
        var lastYear = await HmisTeam.GetQuarterlyStatementAsync(new GetQuarterlyStatementRequest { AgencyId = agency.ToString(), Year = now.Year - 1, Quarter = 1 });

        Assert.Equal((5, 2, 2500L, 5000L), (statement.CreditsPurchased, statement.CreditsConsumed, statement.PricePerCreditCents, statement.AmountCents));
        Assert.Equal((0, 0L), (lastYear.CreditsConsumed, lastYear.AmountCents));
    }

    [Fact]
    public async Task QuarterLedger_StreamsTheQuartersLinesInOrder_ToTheHmisTeam_NotToAnotherAgency()
    {
        var agency = await AgencyWithCreditsAsync(3);
        await HmisTeam.ReserveCreditAsync(Reservation(agency));
        await HmisTeam.ReserveCreditAsync(Reservation(agency));
        var now = DateTimeOffset.UtcNow;
        var quarter = new ExportQuarterLedgerRequest { AgencyId = agency.ToString(), Year = now.Year, Quarter = (now.Month - 1) / 3 + 1 };

        var lines = (await HmisTeam.ExportQuarterLedger(quarter).ReadAllAsync()).SelectMany(b => b.Entries).ToList();
        var lastYear = (await HmisTeam.ExportQuarterLedger(new ExportQuarterLedgerRequest { AgencyId = agency.ToString(), Year = now.Year - 1, Quarter = 4 }).ReadAllAsync())
            .SelectMany(b => b.Entries);
        var byAnotherAgency = await RpcErrors.CatchAsync(() => new LicenseCredits.LicenseCreditsClient(service.Channel).ExportQuarterLedger(quarter).ReadAllAsync());
        var badQuarter = await RpcErrors.CatchAsync(() => HmisTeam.ExportQuarterLedger(new ExportQuarterLedgerRequest { AgencyId = agency.ToString(), Year = now.Year, Quarter = 5 }).ReadAllAsync());

        Assert.Equal([CreditEntryKind.Purchase, CreditEntryKind.Reservation, CreditEntryKind.Reservation], lines.Select(l => l.Kind));
        Assert.Equal([3, 2, 1], lines.Select(l => l.AvailableAfter));
        Assert.Equal(lines.Select(l => l.Sequence).Order(), lines.Select(l => l.Sequence));
        Assert.Empty(lastYear);
        Assert.Equal(StatusCode.PermissionDenied, byAnotherAgency.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badQuarter.StatusCode);
        Assert.Equal(["quarter"], badQuarter.ViolatedFields());
    }

    [Fact]
    public async Task AnAgency_ReadsItsOwnCredits_NotAnothersAndCannotBuyOrReserve()
    {
        var other = await AgencyWithCreditsAsync(4);
        var agency = new LicenseCredits.LicenseCreditsClient(service.Channel);

        var own = await agency.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = TestTokens.DefaultAgencyId });
        var others = await RpcErrors.CatchAsync(() => agency.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = other.ToString() }).ResponseAsync);
        var buy = await RpcErrors.CatchAsync(() => agency.RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest
            { RequestId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId, Credits = 100 }).ResponseAsync);

        Assert.True(own.Balance.Available > 0);
        Assert.Equal((StatusCode.PermissionDenied, "NOT_AVAILABLE"), (others.StatusCode, others.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "HMIS_TEAM_ONLY"), (buy.StatusCode, buy.Reason()));
    }

    [Fact]
    public async Task Purchase_OfNoCredits_IsInvalidAndChangesNothing()
    {
        var agency = Guid.NewGuid();

        var error = await RpcErrors.CatchAsync(() => HmisTeam.RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest
            { RequestId = Guid.NewGuid().ToString(), AgencyId = agency.ToString(), Credits = 0 }).ResponseAsync);

        Assert.Equal(["credits"], error.ViolatedFields());
        Assert.Equal(0, (await BalanceAsync(agency)).Purchased);
    }

    [Fact]
    public async Task Ledger_IsAppendOnly_AndTheBalanceCannotGoNegative_InTheDatabase()
    {
        var agency = await AgencyWithCreditsAsync(1);
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialingDbContext>();

        var rewrite = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE credit_ledger SET credits = 100 WHERE agency_id = {agency}"));
        var negative = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE agency_credits SET available = -1 WHERE agency_id = {agency}"));

        Assert.Contains("append-only", Assert.IsType<PostgresException>(rewrite).MessageText, StringComparison.Ordinal);
        Assert.Equal(PostgresErrorCodes.CheckViolation, Assert.IsType<PostgresException>(negative).SqlState);
    }
}
