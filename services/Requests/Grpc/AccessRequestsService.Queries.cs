using System.Data;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using AccessRequestStatus = HmisPlatform.Requests.Domain.AccessRequests.AccessRequestStatus;
using JourneyStage = HmisPlatform.Requests.Domain.Journeys.JourneyStage;
using RequestType = HmisPlatform.Requests.Domain.AccessRequests.RequestType;

namespace HmisPlatform.Requests.Grpc;

public sealed partial class AccessRequestsService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    private static readonly AccessRequestStatus[] Queued =
        [AccessRequestStatus.Submitted, AccessRequestStatus.InformationRequested, AccessRequestStatus.AwaitingCeDecision];

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<ListAccessRequestsResponse> ListAccessRequests(ListAccessRequestsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var size = Paging.Size(request.PageSize, DefaultPageSize, MaxPageSize);
        var after = Paging.TimeAndId(request.PageToken);
        var filter = new QueueFilter(
            request.Statuses.Count == 0 ? Queued : [.. request.Statuses.Distinct().ToDomain()],
            request.Type.ToDomain() is var type && type != RequestType.Unspecified ? type : null,
            AgencyFilter(caller, request.AgencyId),
            caller.IsCeTeam);
        var rows = await db.AccessRequests.AsNoTracking().Page(filter, after is { } page ? (page.At, page.Id) : null, size + 1, request.NewestFirst)
            .ToListAsync(context.CancellationToken);
        var now = time.GetUtcNow();
        return new ListAccessRequestsResponse
        {
            AccessRequests = { rows.Take(size).Select(r => r.ToMessage(now, targets.Value.Request)) },
            NextPageToken = rows.Count > size ? Paging.Token(rows[size - 1].SubmittedAt, rows[size - 1].Id) : "",
        };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<CountAccessRequestsResponse> CountAccessRequests(CountAccessRequestsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var filter = new QueueFilter(
            request.Statuses.Count == 0 ? Queued : [.. request.Statuses.Distinct().ToDomain()],
            null,
            AgencyFilter(caller, request.AgencyId),
            caller.IsCeTeam);
        var counts = await db.AccessRequests.AsNoTracking().Counts(filter).ToListAsync(context.CancellationToken);
        return new CountAccessRequestsResponse
        {
            Counts =
            {
                counts.OrderBy(c => c.Status).ThenBy(c => c.Type)
                    .Select(c => new AccessRequestCount { Status = c.Status.ToContract(), Type = c.Type.ToContract(), Count = c.Count }),
            },
        };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetJourneyResponse> GetJourney(GetJourneyRequest request, ServerCallContext context)
    {
        var personId = Ids.Parse(request.PersonId, "person_id");
        // One snapshot for the entries and the request's status, which an event handler changes together.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, context.CancellationToken);
        var summary = context.Caller().EnsureMayRead(
            await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.PersonId == personId, context.CancellationToken),
            j => j.AgencyId, j => j.PersonId, "PERSON");
        var entries = await db.JourneyEntries.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(context.CancellationToken);
        var view = JourneyView.From(personId, entries)!;
        var started = (await JourneyRequestsAsync([view.AccessRequestId], context.CancellationToken))[view.AccessRequestId];
        return new GetJourneyResponse { Journey = view.ToMessage(summary, started, time.GetUtcNow()) };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<ListJourneysResponse> ListJourneys(ListJourneysRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var size = Paging.Size(request.PageSize, DefaultPageSize, MaxPageSize);
        var after = Paging.TimeAndId(request.PageToken);
        var now = time.GetUtcNow();
        var query = db.Journeys.AsNoTracking();
        if (AgencyFilter(caller, request.AgencyId) is { } agencyId)
        {
            query = query.Where(j => j.AgencyId == agencyId);
        }
        if (caller.IsCeTeam)
        {
            // The CE team follows the people of its own business only.
            var ceRequests = db.AccessRequests.Where(AccessRequest.CeBusiness).Select(r => r.Id);
            query = query.Where(j => ceRequests.Contains(j.AccessRequestId));
        }
        if (request.Stage.ToDomain() is var stage && stage != JourneyStage.Unspecified)
        {
            query = query.Where(j => j.CurrentStage == stage);
        }
        if (request.UnderWay)
        {
            query = query.Where(j => StageTargets.UnderWay.Contains(j.CurrentStage));
        }
        if (request.WaitingLongerThanDays < 0)
        {
            throw DomainException.Invalid(InvalidDaysReason, "Days are zero or more.", new FieldViolation("waiting_longer_than_days", "zero or more", InvalidDaysReason));
        }
        if (request.WaitingLongerThanDays > 0)
        {
            var before = now.AddDays(-request.WaitingLongerThanDays);
            query = query.Where(j => j.StageStartedAt < before);
        }
        if (after is { } page)
        {
            query = query.Where(j => EF.Functions.GreaterThan(ValueTuple.Create(j.StageStartedAt, j.PersonId), ValueTuple.Create(page.At, page.Id)));
        }
        var rows = await query.OrderBy(j => j.StageStartedAt).ThenBy(j => j.PersonId).Take(size + 1).ToListAsync(context.CancellationToken);
        var requestIds = rows.Select(j => j.AccessRequestId).Distinct().ToList();
        var started = await JourneyRequestsAsync(requestIds, context.CancellationToken);
        return new ListJourneysResponse
        {
            Journeys = { rows.Take(size).Select(j => j.ToMessage(started[j.AccessRequestId], now)) },
            NextPageToken = rows.Count > size ? Paging.Token(rows[size - 1].StageStartedAt, rows[size - 1].PersonId) : "",
        };
    }

    public const string InvalidDaysReason = "INVALID_DAYS";

    /// <summary>
    /// The agency a list is limited to: the named one, which an agency's caller may name only when it is theirs
    /// (and otherwise is always limited to); none for the HMIS and CE teams when none is named.
    /// </summary>
    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<SearchPeopleResponse> SearchPeople(SearchPeopleRequest request, ServerCallContext context)
    {
        var search = PersonSearch.Parse(request.Query);
        var caller = context.Caller();
        var agency = AgencyFilter(caller, request.AgencyId);
        var size = Paging.Size(request.PageSize, DefaultPageSize, MaxPageSize);
        var after = Paging.TimeAndId(request.PageToken);
        var rows = await db.AccessRequests.AsNoTracking()
            .Search(search, agency, caller.IsCeTeam, after is { } page ? (page.At, page.Id) : null, size + 1)
            .ToListAsync(context.CancellationToken);
        return new SearchPeopleResponse
        {
            People =
            {
                rows.Take(size).Select(p => new PersonMatch
                {
                    PersonId = p.PersonId.ToString(), GivenName = p.GivenName, FamilyName = p.FamilyName, Email = p.Email,
                    AgencyId = p.AgencyId.ToString(), AccessRequestId = p.AccessRequestId.ToString(), RequestType = p.Type.ToContract(),
                    RequestStatus = p.Status.ToContract(), SubmittedAt = Timestamp.FromDateTimeOffset(p.SubmittedAt),
                }),
            },
            NextPageToken = rows.Count > size ? Paging.Token(rows[size - 1].SubmittedAt, rows[size - 1].PersonId) : "",
        };
    }

    public const string InvalidWeeksReason = "OVERVIEW_WEEKS_INVALID";

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetOverviewResponse> GetOverview(GetOverviewRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("sees the Continuum's overview");
        var weeks = request.Weeks == 0 ? 12 : request.Weeks is >= 1 and <= 52 ? request.Weeks
            : throw DomainException.Invalid(InvalidWeeksReason, "Show 1 to 52 weeks.", new FieldViolation("weeks", "1 to 52", InvalidWeeksReason));
        var now = time.GetUtcNow();
        var since = now.AddDays(-7 * weeks);
        var stages = await overview.StagesAsync(targets.Value, now, context.CancellationToken);
        var durations = await overview.DurationsAsync(since, context.CancellationToken);
        var weekly = await overview.WeeklyAsync(since, context.CancellationToken);
        return new GetOverviewResponse
        {
            Stages =
            {
                stages.Select(s => new StageCount
                {
                    Stage = s.Stage.ToContract(), People = s.People, OverTarget = s.OverTarget,
                    Target = s.Target is { } target ? Duration.FromTimeSpan(target) : null,
                }),
            },
            Durations =
            {
                durations.Select(d => new StageDurations
                {
                    Month = d.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Stage = ((JourneyStage)d.Stage).ToContract(),
                    MedianDays = Math.Round(d.MedianDays, 2), P90Days = Math.Round(d.P90Days, 2), People = d.People,
                }),
            },
            Weekly =
            {
                weekly.Select(w => new WeeklyRequests { WeekOf = w.WeekOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Type = ((RequestType)w.Type).ToContract(), Requests = w.Requests }),
            },
        };
    }

    private static Guid? AgencyFilter(Caller caller, string agencyId)
    {
        Guid? named = agencyId.Length > 0 ? Ids.Parse(agencyId, "agency_id") : null;
        // The CE team reads every agency's CE business (each list then keeps to it); nobody else crosses agencies.
        return caller.IsCeTeam ? named : caller.AgencyToList(named);
    }

    /// <summary>The requests journeys started from: their status and their people's names, in one query.</summary>
    private async Task<Dictionary<Guid, JourneyRequest>> JourneyRequestsAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken cancellationToken)
    {
        var rows = await db.AccessRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, People = r.Users.Select(u => new { u.PersonId, u.GivenName, u.FamilyName }).ToList() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new JourneyRequest(r.Status, [.. r.People.Select(p => (p.PersonId, p.GivenName, p.FamilyName))]));
    }
}
