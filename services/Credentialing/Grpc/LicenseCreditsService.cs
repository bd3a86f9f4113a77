using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CreditEntryKind = HmisPlatform.Credentialing.Domain.Credits.CreditEntryKind;
using CreditLedgerEntry = HmisPlatform.Credentialing.Domain.Credits.CreditLedgerEntry;
using CreditReservation = HmisPlatform.Credentialing.Domain.Credits.CreditReservation;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The license credits API: the HMIS team records purchases, reservations and releases; agencies read their own.</summary>
public sealed class LicenseCreditsService(
    CredentialingDbContext db,
    IdempotentCommands<CredentialingDbContext> commands,
    IOptions<CreditPricing> pricing,
    TimeProvider time) : LicenseCredits.LicenseCreditsBase
{
    public const string ReservationNotFoundReason = "RESERVATION_NOT_FOUND";
    public const string PeopleRequiredReason = "PEOPLE_REQUIRED";
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<RecordCreditPurchaseResponse> RecordCreditPurchase(RecordCreditPurchaseRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var caller = context.Caller().EnsureHmisTeam("records credits");
            var credits = await db.LockCreditsAsync(Ids.Parse(request.AgencyId, "agency_id"), ct);
            db.CreditLedger.Add(credits.Purchase(request.Credits, request.Note, caller.Subject, time.GetStoredNow()));
            await db.SaveChangesAsync(ct);
            return new RecordCreditPurchaseResponse { Balance = credits.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task ExportQuarterLedger(ExportQuarterLedgerRequest request, IServerStreamWriter<ExportQuarterLedgerResponse> responseStream, ServerCallContext context)
    {
        var agencyId = context.Caller().EnsureMayReadAgency(Ids.Parse(request.AgencyId, "agency_id"));
        var (from, until) = QuarterlyStatement.Period(request.Year, request.Quarter);
        var lines = db.CreditLedger.AsNoTracking()
            .Where(e => e.AgencyId == agencyId && e.RecordedAt >= from && e.RecordedAt < until)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable();
        await foreach (var batch in Batches.Of(lines, context.CancellationToken))
        {
            await responseStream.WriteAsync(new ExportQuarterLedgerResponse { Entries = { batch.Select(e => e.ToMessage()) } }, context.CancellationToken);
        }
    }

    [Authorize(Policy = PlatformIdentity.DataImport)]
    public override async Task<ImportCreditBalancesResponse> ImportCreditBalances(ImportCreditBalancesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var by = context.Caller().Subject;
        var now = time.GetStoredNow();
        // Each agency's row is locked as a purchase locks it; a dry run or a refused batch rolls back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = new List<ImportRowOutcome>();
        var agencies = new HashSet<Guid>();
        foreach (var row in request.Balances)
        {
            var agencyId = Guid.TryParse(row.AgencyId, out var id) ? id : Guid.Empty;
            var credits = agencyId == Guid.Empty || !agencies.Add(agencyId) ? null : await db.LockCreditsAsync(agencyId, ct);
            rows.Add(ImportBatch.Row(row.Line, () =>
            {
                if (credits is null)
                {
                    throw DomainException.Invalid(ImportBatch.DuplicateInFileReason, "Name each agency once, by its id.",
                        new FieldViolation("agency_name", "not an agency id, or named on an earlier line", ImportBatch.DuplicateInFileReason));
                }
                var before = credits.OpeningBalance;
                var (changed, entry) = credits.ImportOpeningBalance(row.LicenseCredits, by, now);
                if (entry is not null)
                {
                    db.CreditLedger.Add(entry);
                }
                return ImportRowOutcome.Made(row.Line, agencyId, isNew: before is null, changed);
            }));
        }
        var applied = request.Mode.Applies(rows);
        if (applied)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return new ImportCreditBalancesResponse { Balances = { rows.Select(r => r.ToMessage()) }, Applied = applied };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<ReserveCreditResponse> ReserveCredit(ReserveCreditRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var caller = context.Caller().EnsureHmisTeam("records credits");
            var agencyId = Ids.Parse(request.AgencyId, "agency_id");
            var accessRequestId = Ids.Parse(request.AccessRequestId, "access_request_id");
            var personId = Ids.Parse(request.PersonId, "person_id");
            var credits = await db.LockCreditsAsync(agencyId, ct);
            var reservation = await db.CreditReservations.SingleOrDefaultAsync(r => r.AccessRequestId == accessRequestId && r.PersonId == personId, ct);
            if (reservation is null)
            {
                (reservation, var entry) = credits.Reserve(accessRequestId, personId, caller.Subject, time.GetStoredNow());
                db.CreditReservations.Add(reservation);
                db.CreditLedger.Add(entry);
                await db.SaveChangesAsync(ct);
            }
            return new ReserveCreditResponse { Reservation = reservation.ToMessage(), Balance = credits.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<ReserveCreditsForRequestResponse> ReserveCreditsForRequest(ReserveCreditsForRequestRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var caller = context.Caller().EnsureHmisTeamOrPlatform("records credits");
            var agencyId = Ids.Parse(request.AgencyId, "agency_id");
            var accessRequestId = Ids.Parse(request.AccessRequestId, "access_request_id");
            var people = request.PersonIds.Select((p, i) => Ids.Parse(p, $"person_ids[{i}]")).ToList();
            if (people.Count == 0)
            {
                throw DomainException.Invalid(PeopleRequiredReason, "Name at least one person.", new FieldViolation("person_ids", "at least one", PeopleRequiredReason));
            }
            var credits = await db.LockCreditsAsync(agencyId, ct);
            var held = await db.CreditReservations.Where(r => r.AccessRequestId == accessRequestId && people.Contains(r.PersonId)).ToListAsync(ct);
            foreach (var (reservation, entry) in credits.ReserveAll(accessRequestId, people, held.Select(r => r.PersonId).ToHashSet(), caller.Subject, time.GetStoredNow()))
            {
                db.CreditReservations.Add(reservation);
                db.CreditLedger.Add(entry);
                held.Add(reservation);
            }
            await db.SaveChangesAsync(ct);
            return new ReserveCreditsForRequestResponse { Reservations = { held.Select(r => r.ToMessage()) }, Balance = credits.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<ReleaseCreditResponse> ReleaseCredit(ReleaseCreditRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var caller = context.Caller().EnsureHmisTeam("records credits");
            var agencyId = Ids.Parse(request.AgencyId, "agency_id");
            var accessRequestId = Ids.Parse(request.AccessRequestId, "access_request_id");
            var personId = Ids.Parse(request.PersonId, "person_id");
            var credits = await db.LockCreditsAsync(agencyId, ct);
            var reservation = await db.CreditReservations.SingleOrDefaultAsync(r => r.AccessRequestId == accessRequestId && r.PersonId == personId && r.AgencyId == agencyId, ct)
                ?? throw DomainException.NotFound(ReservationNotFoundReason, "No credit is reserved for that person on that request.");
            db.CreditLedger.Add(credits.Release(reservation, request.Reason, caller.Subject, time.GetStoredNow()));
            await db.SaveChangesAsync(ct);
            return new ReleaseCreditResponse { Reservation = reservation.ToMessage(), Balance = credits.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<GetCreditBalanceResponse> GetCreditBalance(GetCreditBalanceRequest request, ServerCallContext context)
    {
        var agencyId = context.Caller().EnsureMayReadAgency(Ids.Parse(request.AgencyId, "agency_id"));
        var credits = await db.AgencyCredits.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, context.CancellationToken)
            ?? new AgencyCredits(agencyId);
        return new GetCreditBalanceResponse { Balance = credits.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListCreditLedgerResponse> ListCreditLedger(ListCreditLedgerRequest request, ServerCallContext context)
    {
        var agencyId = context.Caller().EnsureMayReadAgency(Ids.Parse(request.AgencyId, "agency_id"));
        var size = Paging.Size(request.PageSize, DefaultPageSize, MaxPageSize);
        var from = Paging.Sequence(request.PageToken);
        var lines = db.CreditLedger.AsNoTracking().Where(e => e.AgencyId == agencyId);
        var ordered = request.NewestFirst
            ? lines.Where(e => e.Sequence < (from ?? long.MaxValue)).OrderByDescending(e => e.Sequence)
            : lines.Where(e => e.Sequence > (from ?? 0)).OrderBy(e => e.Sequence);
        var rows = await ordered.Take(size + 1).ToListAsync(context.CancellationToken);
        var (page, next) = Paging.Page(rows, size, e => Paging.Token(e.Sequence));
        return new ListCreditLedgerResponse { Entries = { page.Select(e => e.ToMessage()) }, NextPageToken = next };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<GetQuarterlyStatementResponse> GetQuarterlyStatement(GetQuarterlyStatementRequest request, ServerCallContext context)
    {
        var agencyId = context.Caller().EnsureMayReadAgency(Ids.Parse(request.AgencyId, "agency_id"));
        var (from, until) = QuarterlyStatement.Period(request.Year, request.Quarter);
        var totals = await db.CreditLedger.AsNoTracking()
            .Where(e => e.AgencyId == agencyId && e.RecordedAt >= from && e.RecordedAt < until
                && (e.Kind == CreditEntryKind.Purchase || e.Kind == CreditEntryKind.Consumption))
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Credits = g.Sum(e => e.Credits) })
            .ToListAsync(context.CancellationToken);
        var statement = new QuarterlyStatement(agencyId, request.Year, request.Quarter,
            totals.SingleOrDefault(t => t.Kind == CreditEntryKind.Purchase)?.Credits ?? 0,
            totals.SingleOrDefault(t => t.Kind == CreditEntryKind.Consumption)?.Credits ?? 0,
            pricing.Value.PricePerCreditCents);
        return new GetQuarterlyStatementResponse
        {
            AgencyId = agencyId.ToString(),
            Year = statement.Year,
            Quarter = statement.Quarter,
            CreditsPurchased = statement.CreditsPurchased,
            CreditsConsumed = statement.CreditsConsumed,
            PricePerCreditCents = statement.PricePerCreditCents,
            AmountCents = statement.AmountCents,
        };
    }
}

/// <summary>Credits to contract messages.</summary>
internal static class CreditMapping
{
    public static CreditBalance ToMessage(this AgencyCredits credits) => new()
    {
        AgencyId = credits.AgencyId.ToString(),
        Available = credits.Available,
        Reserved = credits.Reserved,
        Consumed = credits.Consumed,
        Purchased = credits.Purchased,
    };

    public static Hmis.Credentialing.V1.CreditReservation ToMessage(this CreditReservation reservation) => new()
    {
        AgencyId = reservation.AgencyId.ToString(),
        AccessRequestId = reservation.AccessRequestId.ToString(),
        PersonId = reservation.PersonId.ToString(),
        Status = reservation.Status.ToContract(),
        ReservedAt = Timestamp.FromDateTimeOffset(reservation.ReservedAt),
    };

    public static Hmis.Credentialing.V1.CreditLedgerEntry ToMessage(this CreditLedgerEntry entry) => new()
    {
        Sequence = entry.Sequence,
        AgencyId = entry.AgencyId.ToString(),
        Kind = entry.Kind.ToContract(),
        Credits = entry.Credits,
        AccessRequestId = entry.AccessRequestId?.ToString() ?? "",
        PersonId = entry.PersonId?.ToString() ?? "",
        AccountId = entry.AccountId?.ToString() ?? "",
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        RecordedBy = entry.RecordedBy,
        Note = entry.Note ?? "",
        AvailableAfter = entry.AvailableAfter,
    };
}
