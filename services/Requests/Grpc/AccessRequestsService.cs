using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using AccessRequestStatus = HmisPlatform.Requests.Domain.AccessRequests.AccessRequestStatus;
using JourneyStage = HmisPlatform.Requests.Domain.Journeys.JourneyStage;
using NewUser = HmisPlatform.Requests.Domain.AccessRequests.NewUser;

namespace HmisPlatform.Requests.Grpc;

/// <summary>The AccessRequests gRPC API: maps requests to the domain and the domain back to messages.</summary>
public sealed partial class AccessRequestsService(
    RequestsDbContext db,
    IdempotentCommands<RequestsDbContext> commands,
    IAccountDirectory accounts,
    ILicenseCredits credits,
    JourneyLog journeys,
    JourneyOverview overview,
    IOptions<StageTargets> targets,
    IOptions<AccessRequestRules> rules,
    IOptions<AtaTrainingCalendar> calendar,
    TimeProvider time) : AccessRequests.AccessRequestsBase
{
    public const string NotFoundReason = "ACCESS_REQUEST_NOT_FOUND";
    public const string AtaNotCallerReason = "ATA_NOT_CALLER";
    public const string ReplacedRequestInvalidReason = "REPLACED_REQUEST_INVALID";

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override async Task<RecommendRequestTypeResponse> RecommendRequestType(RecommendRequestTypeRequest request, ServerCallContext context)
    {
        var agencyId = Ids.Parse(request.AgencyId, "agency_id");
        context.Caller().EnsureMayActFor(agencyId, "agency_id");
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, context.CancellationToken)
            ?? throw DomainException.NotFound("AGENCY_NOT_FOUND", "No such agency.");
        // The person and the access are judged together, so an ATA sees all that is wrong at once.
        var fields = new FieldChecks();
        var person = request.User is { } user
            ? fields.Check(() => Submission.CheckUser(new NewUser(user.GivenName, user.FamilyName, user.Email, user.LmsUsername, user.HmisUsername), "user", agency))
            : fields.Check(() => new CheckedUser("", "", Submission.AgencyEmail(request.Email, agency, "email").Value, "",
                request.HmisUsername.Trim().ToLowerInvariant() is { Length: > 0 } username ? username : null));
        var access = fields.Check(() => RequestedAccess.Create(request.Access?.Responsibilities.ToDomain() ?? [], request.Access?.ProjectTypes.ToDomain() ?? []));
        fields.ThrowIfAny();
        var history = await accounts.FindAsync(person!.Email, person.HmisUsername, context.CancellationToken);
        var advice = RequestForms.Advise(history, agencyId, access!, rules.Value, time.GetUtcNow());
        return new RecommendRequestTypeResponse { Type = advice.Type.ToContract(), Reason = advice.Reason, Rules = { advice.Rules } };
    }

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<SubmitAccessRequestResponse> SubmitAccessRequest(SubmitAccessRequestRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request,
            ct => PrepareSubmissionAsync(request, context.Caller(), ct),
            async (submission, ct) =>
            {
                var (form, ata, histories, earlierIds, openUsers, replaces, now) = submission;
                var accessRequest = AccessRequest.Submit(form, histories, earlierIds, replaces, context.Caller(), rules.Value, now);
                // Read before the transaction; a request that opened since is caught by the unique indexes on save.
                OneOpenRequest.Ensure(accessRequest, openUsers);
                db.AccessRequests.Add(accessRequest);
                db.AccessRequestAudit.AddRange(accessRequest.TakeChanges());
                db.Publish(accessRequest.Submission(ata, now));
                foreach (var user in accessRequest.Users)
                {
                    await journeys.RecordAsync(new JourneyEntry(user.PersonId, accessRequest.Id, Guid.CreateVersion7(now), JourneyStage.Request,
                        JourneyStages.AccessRequestSubmitted, now), ct);
                }
                await SaveNamingOnePersonOnceAsync(ct);
                return new SubmitAccessRequestResponse { AccessRequest = accessRequest.ToMessage(now, targets.Value.Request) };
            }, context.CancellationToken);

    /// <summary>What a submission needs, read before its transaction: the form checked, and each user's history from Credentialing.</summary>
    private sealed record PreparedSubmission(
        Submission Form, Domain.Agencies.AgencyAdministrator Ata, IReadOnlyList<PersonHistory> Histories, IReadOnlyList<Guid?> EarlierIds,
        IReadOnlyCollection<OneOpenRequest.OpenUser> OpenUsers, Guid? Replaces, DateTimeOffset Now);

    private async Task<PreparedSubmission> PrepareSubmissionAsync(SubmitAccessRequestRequest request, Caller caller, CancellationToken ct)
    {
        var agencyId = Ids.Parse(request.AgencyId, "agency_id");
        caller.EnsureMayActFor(agencyId, "agency_id");
        var ataId = SubmittingAta(caller, request.AtaId);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw DomainException.NotFound("AGENCY_NOT_FOUND", "No such agency.");
        var ata = await db.AgencyAdministrators.SingleOrDefaultAsync(a => a.Id == ataId, ct)
            ?? throw DomainException.NotFound("ATA_NOT_FOUND", "No such ATA.");
        var now = time.GetStoredNow();
        var form = Submission.Check(
            request.Type.ToDomain(), agency, ata,
            [.. request.Users.Select(u => new NewUser(u.GivenName, u.FamilyName, u.Email, u.LmsUsername, u.HmisUsername))],
            request.Access?.Responsibilities.ToDomain() ?? [], request.Access?.ProjectTypes.ToDomain() ?? [],
            request.Note, rules.Value, calendar.Value, now);
        var replaces = await ReplacedRequestAsync(request.ReplacesAccessRequestId, agencyId, ct);
        var histories = await Task.WhenAll(form.Users.Select(user => accounts.FindAsync(user.Email, user.HmisUsername, ct)));
        // One read of the people named before: a person keeps the id of their earliest request, whichever agency asked,
        // and one who has an open request at this agency (by e-mail, or by the person id their e-mail has) is refused.
        var emails = form.Users.Select(u => u.Email).ToList();
        var users = db.AccessRequests.SelectMany(r => r.Users);
        var theirIds = users.Where(u => emails.Contains(u.Email)).Select(u => u.PersonId);
        var named = await users
            .Where(u => emails.Contains(u.Email) || (u.AgencyId == agencyId && u.IsOpen && theirIds.Contains(u.PersonId)))
            .Select(u => new { u.Email, u.PersonId, u.AgencyId, u.IsOpen }).Distinct().ToListAsync(ct);
        var earlierIds = form.Users.Select(u => named.FirstOrDefault(k => k.Email == u.Email)?.PersonId).ToList();
        var openUsers = named.Where(n => n.AgencyId == agencyId && n.IsOpen).Select(n => new OneOpenRequest.OpenUser(n.Email, n.PersonId)).ToList();
        return new PreparedSubmission(form, ata, histories, earlierIds, openUsers, replaces, now);
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetAccessRequestResponse> GetAccessRequest(GetAccessRequestRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.AccessRequestId, "access_request_id");
        var accessRequest = Visible(context.Caller(), await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken));
        return new GetAccessRequestResponse { AccessRequest = accessRequest.ToMessage(time.GetUtcNow(), targets.Value.Request) };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<ListAccessRequestHistoryResponse> ListAccessRequestHistory(ListAccessRequestHistoryRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.AccessRequestId, "access_request_id");
        Visible(context.Caller(), await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.CancellationToken));
        var changes = await db.AccessRequestAudit.AsNoTracking().Where(c => c.AccessRequestId == id).OrderBy(c => c.Id).ToListAsync(context.CancellationToken);
        return new ListAccessRequestHistoryResponse { Changes = { changes.Select(c => c.ToMessage()) } };
    }

    /// <summary>
    /// A request as the caller may see it: the HMIS team every one; the CE team those that are its business; an
    /// agency's people and systems their own. Anything else answers like a missing one.
    /// </summary>
    private static AccessRequest Visible(Caller caller, AccessRequest? accessRequest) =>
        caller.IsCeTeam && accessRequest is { IsCeBusiness: true } ? accessRequest : caller.EnsureMayRead(accessRequest, r => r.AgencyId, "ACCESS_REQUEST");

    /// <summary>A signed-in ATA submits as themselves; an agency's system or the HMIS team names the ATA.</summary>
    private static Guid SubmittingAta(Caller caller, string ataId)
    {
        if (caller.Role is Caller.AtaRole or Caller.SupervisorRole)
        {
            return ataId.Length == 0 || ataId == caller.Subject
                ? Guid.Parse(caller.Subject)
                : throw DomainException.PermissionDenied(AtaNotCallerReason, "You submit as yourself.", new FieldViolation("ata_id", "not you", AtaNotCallerReason));
        }
        return Ids.Parse(ataId, "ata_id");
    }

    private async Task<Guid?> ReplacedRequestAsync(string replacesId, Guid agencyId, CancellationToken cancellationToken)
    {
        if (replacesId.Length == 0)
        {
            return null;
        }
        var id = Ids.Parse(replacesId, "replaces_access_request_id");
        var replaced = await db.AccessRequests.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.AgencyId, r.Status }).SingleOrDefaultAsync(cancellationToken);
        return replaced is { Status: AccessRequestStatus.ResubmissionRequested } && replaced.AgencyId == agencyId
            ? id
            : throw DomainException.Precondition(ReplacedRequestInvalidReason, "Only a request of this agency closed for resubmission can be replaced.",
                new PreconditionViolation("REPLACED_REQUEST", $"access-requests/{id}", "not a request of this agency waiting for resubmission"));
    }

    private async Task SaveNamingOnePersonOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
            && pg.ConstraintName?.StartsWith("ux_requested_users_open", StringComparison.Ordinal) == true)
        {
            throw OneOpenRequest.Refusal();
        }
    }
}
