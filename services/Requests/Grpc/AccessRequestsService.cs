using System.Data;
using Grpc.Core;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using NewUser = HmisPlatform.Requests.Domain.AccessRequests.NewUser;

namespace HmisPlatform.Requests.Grpc;

/// <summary>The AccessRequests gRPC API: maps requests to the domain and the domain back to messages.</summary>
public sealed class AccessRequestsService(
    RequestsDbContext db,
    IdempotentCommands<RequestsDbContext> commands,
    IOptions<AccessRequestRules> rules,
    TimeProvider time) : AccessRequests.AccessRequestsBase
{
    public const string NotFoundReason = "ACCESS_REQUEST_NOT_FOUND";

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<SubmitAccessRequestResponse> SubmitAccessRequest(SubmitAccessRequestRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var agencyId = Ids.Parse(request.AgencyId, "agency_id");
            context.Caller().EnsureMayActFor(agencyId, "agency_id");
            var ataId = Ids.Parse(request.AtaId, "ata_id");
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct)
                ?? throw DomainException.NotFound("AGENCY_NOT_FOUND", "No such agency.");
            var ata = await db.AgencyAdministrators.SingleOrDefaultAsync(a => a.Id == ataId, ct)
                ?? throw DomainException.NotFound("ATA_NOT_FOUND", "No such ATA.");
            var now = time.GetUtcNow();
            var accessRequest = AccessRequest.Submit(
                request.Type, agency, ata,
                [.. request.Users.Select(u => new NewUser(u.GivenName, u.FamilyName, u.Email))],
                RequestedAccess.Create(request.Access?.Responsibilities ?? [], request.Access?.ProjectTypes ?? []),
                request.Note, rules.Value, now);
            db.AccessRequests.Add(accessRequest);
            db.Publish(accessRequest.Submission(now));
            foreach (var user in accessRequest.Users)
            {
                db.JourneyEntries.Add(new JourneyEntry(user.PersonId, accessRequest.Id, Guid.CreateVersion7(now), JourneyStage.Request, nameof(AccessRequestSubmitted), now));
            }
            await db.SaveChangesAsync(ct);
            return new SubmitAccessRequestResponse { AccessRequest = accessRequest.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetAccessRequestResponse> GetAccessRequest(GetAccessRequestRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.AccessRequestId, "access_request_id");
        var accessRequest = context.Caller().EnsureMayRead(
            await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken),
            r => r.AgencyId, "ACCESS_REQUEST");
        return new GetAccessRequestResponse { AccessRequest = accessRequest.ToMessage() };
    }

    [Authorize(Policy = PlatformIdentity.RequestsReview)]
    public override Task<ReviewAccessRequestResponse> ReviewAccessRequest(ReviewAccessRequestRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var accessRequest = await FindAsync(Ids.Parse(request.AccessRequestId, "access_request_id"), ct);
            var now = time.GetUtcNow();
            foreach (var user in accessRequest.Review(request.Outcome, request.Reason, now))
            {
                var approved = accessRequest.ApprovalOf(user, now);
                db.Publish(approved);
                db.JourneyEntries.Add(new JourneyEntry(user.PersonId, accessRequest.Id, Guid.Parse(approved.EventId), JourneyStage.Request, nameof(AccessRequestApproved), now));
            }
            await db.SaveChangesAsync(ct);
            return new ReviewAccessRequestResponse { AccessRequest = accessRequest.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetJourneyResponse> GetJourney(GetJourneyRequest request, ServerCallContext context)
    {
        var personId = Ids.Parse(request.PersonId, "person_id");
        // One snapshot for the entries and the request's status, which an event handler changes together.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, context.CancellationToken);
        var entries = await db.JourneyEntries.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(context.CancellationToken);
        var latest = entries.OrderByDescending(e => e.OccurredAt).FirstOrDefault();
        var accessRequest = latest is null
            ? null
            : await db.AccessRequests.AsNoTracking().Where(r => r.Id == latest.AccessRequestId)
                .Select(r => new { r.Id, r.AgencyId, r.Status }).SingleAsync(context.CancellationToken);
        var owner = context.Caller().EnsureMayRead(accessRequest, r => r.AgencyId, _ => personId, "PERSON");
        return new GetJourneyResponse { Journey = JourneyView.From(personId, entries).ToMessage(owner.Id, owner.Status) };
    }

    private async Task<AccessRequest> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AccessRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw DomainException.NotFound(NotFoundReason, "No such access request.");
}
