using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using AccessRequestStatus = HmisPlatform.Requests.Domain.AccessRequests.AccessRequestStatus;
using JourneyStage = HmisPlatform.Requests.Domain.Journeys.JourneyStage;
using ReviewOutcome = HmisPlatform.Requests.Domain.AccessRequests.ReviewOutcome;

namespace HmisPlatform.Requests.Grpc;

public sealed partial class AccessRequestsService
{
    [Authorize(Policy = PlatformIdentity.RequestsReview)]
    public override Task<ReviewAccessRequestResponse> ReviewAccessRequest(ReviewAccessRequestRequest request, ServerCallContext context) =>
        DecideAsync(request.RequestId, request, request.AccessRequestId, context, async (accessRequest, caller, now, ct) =>
        {
            var effects = accessRequest.Review(request.Outcome.ToDomain(), request.Reason, request.RequiredForm.ToDomain(), request.Etag, caller, now, request.WaiveAssessment);
            var domains = effects.Approved.Count == 0 ? [] : await db.Agencies.Where(a => a.Id == accessRequest.AgencyId).Select(a => a.EmailDomains).SingleAsync(ct);
            var validatorIds = accessRequest.NewHireValidations.Select(v => v.AdministratorId).ToList();
            var validators = effects.Approved.Count == 0 || validatorIds.Count == 0
                ? [] : await db.AgencyAdministrators.Where(a => validatorIds.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
            foreach (var user in effects.Approved)
            {
                var approved = accessRequest.ApprovalOf(user, domains, validators, now);
                db.Publish(approved);
                await journeys.RecordAsync(new JourneyEntry(user.PersonId, accessRequest.Id, Guid.Parse(approved.EventId), JourneyStage.Request,
                    nameof(Hmis.Events.V1.AccessRequestApproved), now), ct);
            }
        }, r => new ReviewAccessRequestResponse { AccessRequest = r }, ct => ReserveCreditsBeforeReviewAsync(request, context.Caller(), ct));

    /// <summary>
    /// Confirming credit use reserves the request's credits at Credentialing (all or none) before the decision's
    /// transaction opens, so the call holds no row lock. The decision is first taken on the request as it stands, so
    /// a refused one reserves nothing. Credentialing reserves once per request and person, so a review that fails
    /// after it, or is tried again with another key, reserves nothing twice; credits held for a request that then
    /// closes go back (Credentialing's ReleaseClosedRequestCredits).
    /// </summary>
    private async Task ReserveCreditsBeforeReviewAsync(ReviewAccessRequestRequest request, Caller caller, CancellationToken ct)
    {
        if (request.Outcome.ToDomain() != ReviewOutcome.ConfirmCreditUse)
        {
            return;
        }
        var id = Ids.Parse(request.AccessRequestId, "access_request_id");
        var seen = Visible(caller, await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct));
        if (seen.Review(ReviewOutcome.ConfirmCreditUse, request.Reason, request.RequiredForm.ToDomain(), request.Etag, caller, time.GetStoredNow(), request.WaiveAssessment).ReservesCredits)
        {
            await credits.ReserveAsync(Ids.Parse(request.RequestId, "request_id"), seen.AgencyId, seen.Id, [.. seen.Users.Select(u => u.PersonId)], ct);
        }
    }

    [Authorize(Policy = PlatformIdentity.RequestsCeDecide)]
    public override Task<CeDecideAccessRequestResponse> CeDecideAccessRequest(CeDecideAccessRequestRequest request, ServerCallContext context) =>
        DecideAsync(request.RequestId, request, request.AccessRequestId, context, (accessRequest, caller, now, _) =>
        {
            accessRequest.CeDecide(request.Decision.ToDomain(), request.Reason, request.Etag, caller, now, request.WaiveAssessment);
            return Task.CompletedTask;
        }, r => new CeDecideAccessRequestResponse { AccessRequest = r });

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<ProvideRequestInformationResponse> ProvideRequestInformation(ProvideRequestInformationRequest request, ServerCallContext context) =>
        DecideAsync(request.RequestId, request, request.AccessRequestId, context, (accessRequest, caller, now, _) =>
        {
            accessRequest.ProvideInformation(request.Information, caller, now);
            return Task.CompletedTask;
        }, r => new ProvideRequestInformationResponse { AccessRequest = r });

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<WithdrawAccessRequestResponse> WithdrawAccessRequest(WithdrawAccessRequestRequest request, ServerCallContext context) =>
        DecideAsync(request.RequestId, request, request.AccessRequestId, context, (accessRequest, caller, now, _) =>
        {
            accessRequest.Withdraw(request.Reason, caller, now);
            return Task.CompletedTask;
        }, r => new WithdrawAccessRequestResponse { AccessRequest = r });

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<ValidateNewHireResponse> ValidateNewHire(ValidateNewHireRequest request, ServerCallContext context) =>
        DecideAsync(request.RequestId, request, request.AccessRequestId, context, async (accessRequest, caller, now, ct) =>
        {
            // The caller's own record as an administrator, if they have one: a person's id is their staff account's.
            var administrator = Guid.TryParse(caller.Subject, out var id) ? await db.AgencyAdministrators.SingleOrDefaultAsync(a => a.Id == id, ct) : null;
            if (accessRequest.ValidateNewHire(administrator, caller, now))
            {
                db.Publish(accessRequest.NewHireValidation(administrator, now));
            }
        }, r => new ValidateNewHireResponse { AccessRequest = r });

    /// <summary>
    /// One decision on one request, once per idempotency key: the request's row is locked first, so decisions on it
    /// are made one after the other and each sees the etag the one before left. Its audit rows, events and journey
    /// entries commit with it.
    /// </summary>
    private Task<TResponse> DecideAsync<TRequest, TResponse>(
        string requestId, TRequest request, string accessRequestId, ServerCallContext context,
        Func<AccessRequest, Caller, DateTimeOffset, CancellationToken, Task> decide, Func<Hmis.Requests.V1.AccessRequest, TResponse> answer,
        Func<CancellationToken, Task>? before = null)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>, new() =>
        commands.RunAsync(requestId, request, async ct =>
        {
            await (before?.Invoke(ct) ?? Task.CompletedTask);
            return true;
        }, async (_, ct) =>
        {
            var id = Ids.Parse(accessRequestId, "access_request_id");
            var caller = context.Caller();
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM access_requests WHERE id = {id} FOR UPDATE", ct);
            var accessRequest = await db.AccessRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
            accessRequest = Visible(caller, accessRequest);
            var now = time.GetStoredNow();
            await decide(accessRequest, caller, now, ct);
            await RecordChangesAsync(accessRequest, now, ct);
            await db.SaveChangesAsync(ct);
            return answer(accessRequest.ToMessage(now, targets.Value.Request));
        }, context.CancellationToken);

    /// <summary>Audit rows for the changes, and for each change of status its event and its journey entries.</summary>
    private async Task RecordChangesAsync(AccessRequest accessRequest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var change in accessRequest.TakeChanges())
        {
            db.AccessRequestAudit.Add(change);
            if (change.FromStatus != change.ToStatus && change.ToStatus != AccessRequestStatus.InProgress)
            {
                db.Publish(accessRequest.StatusChange(change, now));
            }
            if (JourneyStages.KindOf(change.Action) is { } kind)
            {
                foreach (var user in accessRequest.Users)
                {
                    await journeys.RecordAsync(new JourneyEntry(user.PersonId, accessRequest.Id, Guid.CreateVersion7(now), JourneyStage.Request, kind, now), cancellationToken);
                }
            }
        }
    }
}
