using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using JourneyStage = HmisPlatform.Requests.Domain.Journeys.JourneyStage;

namespace HmisPlatform.Requests.Grpc;

/// <summary>What the HMIS Lead reports: journeys with their stage times, and the request audit. Both stream.</summary>
public sealed partial class AccessRequestsService
{
    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task ExportJourneys(ExportJourneysRequest request, IServerStreamWriter<ExportJourneysResponse> responseStream, ServerCallContext context)
    {
        var caller = context.Caller();
        Guid? agency = caller.IsHmisTeam || caller.IsCeTeam ? null : caller.EnsureMayReadAgency(caller.AgencyId ?? Guid.Empty);
        var (start, until) = DayRange.Parse(request.From, request.To);
        var entries =
            from entry in db.JourneyEntries.AsNoTracking()
            join submitted in db.AccessRequests.AsNoTracking() on entry.AccessRequestId equals submitted.Id
            where (start == null || submitted.SubmittedAt >= start) && (until == null || submitted.SubmittedAt < until) && (agency == null || submitted.AgencyId == agency)
            orderby submitted.SubmittedAt, entry.AccessRequestId, entry.PersonId, entry.OccurredAt
            select new { entry.AccessRequestId, entry.PersonId, entry.Stage, entry.OccurredAt, submitted.AgencyId, submitted.Type, submitted.SubmittedAt };
        var now = time.GetUtcNow();
        // Entries come grouped by request and person: each run of them is one journey, written when the next begins.
        var journey = new List<(JourneyStage Stage, DateTimeOffset At)>();
        JourneyRecord? current = null;
        var batch = new ExportJourneysResponse();
        async Task FlushAsync(bool force)
        {
            if (batch.Journeys.Count >= Batches.ExportBatchSize || (force && batch.Journeys.Count > 0))
            {
                await responseStream.WriteAsync(batch, context.CancellationToken);
                batch = new ExportJourneysResponse();
            }
        }
        void Close()
        {
            if (current is null)
            {
                return;
            }
            var times = StageTimes.Of(journey, now);
            current.CurrentStage = times.Current.ToContract();
            current.RequestStage = Of(times, JourneyStage.Request);
            current.TrainingStage = Of(times, JourneyStage.Training);
            current.AssessmentStage = Of(times, JourneyStage.Assessment);
            current.CredentialsStage = Of(times, JourneyStage.Credentials);
            current.CompletedAt = times.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null;
            batch.Journeys.Add(current);
        }
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(context.CancellationToken))
        {
            if (current is null || current.AccessRequestId != entry.AccessRequestId.ToString() || current.PersonId != entry.PersonId.ToString())
            {
                Close();
                await FlushAsync(force: false);
                journey.Clear();
                current = new JourneyRecord
                {
                    PersonId = entry.PersonId.ToString(), AccessRequestId = entry.AccessRequestId.ToString(), AgencyId = entry.AgencyId.ToString(),
                    RequestType = entry.Type.ToContract(), SubmittedAt = Timestamp.FromDateTimeOffset(entry.SubmittedAt),
                };
            }
            journey.Add((entry.Stage, entry.OccurredAt));
        }
        Close();
        await FlushAsync(force: true);
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task ExportRequestAudit(ExportRequestAuditRequest request, IServerStreamWriter<ExportRequestAuditResponse> responseStream, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("exports the request audit");
        var (start, until) = DayRange.Parse(request.From, request.To);
        var changes = db.AccessRequestAudit.AsNoTracking()
            .Where(c => (start == null || c.OccurredAt >= start) && (until == null || c.OccurredAt < until))
            .OrderBy(c => c.Id)
            .AsAsyncEnumerable();
        await foreach (var batch in Batches.Of(changes, context.CancellationToken))
        {
            await responseStream.WriteAsync(new ExportRequestAuditResponse
            {
                Changes =
                {
                    batch.Select(c => new RequestAuditRecord
                    {
                        AccessRequestId = c.AccessRequestId.ToString(), OccurredAt = Timestamp.FromDateTimeOffset(c.OccurredAt), Actor = c.Actor,
                        ActorRole = c.ActorRole, Action = c.Action, FromStatus = c.FromStatus.ToContract(), ToStatus = c.ToStatus.ToContract(), Reason = c.Reason ?? "",
                    }),
                },
            }, context.CancellationToken);
        }
    }

    private static Duration? Of(StageTimes times, JourneyStage stage) =>
        times.Durations.TryGetValue(stage, out var spent) ? Duration.FromTimeSpan(spent) : null;
}
