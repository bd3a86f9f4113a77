using Google.Protobuf.WellKnownTypes;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.IntegrationEvents;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;
using AccessRequestStatus = HmisPlatform.Requests.Domain.AccessRequests.AccessRequestStatus;
using AllowedActions = HmisPlatform.Requests.Domain.AccessRequests.AllowedActions;

namespace HmisPlatform.Requests.Grpc;

/// <summary>Domain objects to the contract's messages.</summary>
internal static class MessageMapping
{
    /// <param name="reviewTarget">How long the teams have for a review (the request stage's target).</param>
    public static Hmis.Requests.V1.AccessRequest ToMessage(this AccessRequest request, DateTimeOffset now, TimeSpan reviewTarget) => new()
    {
        Id = request.Id.ToString(),
        Type = request.Type.ToContract(),
        AgencyId = request.AgencyId.ToString(),
        AtaId = request.AtaId.ToString(),
        Status = request.Status.ToContract(),
        Users = { request.Users.Select(u => new Hmis.Requests.V1.RequestedUser
        {
            PersonId = u.PersonId.ToString(),
            GivenName = u.GivenName,
            FamilyName = u.FamilyName,
            Email = u.Email,
            LmsUsername = u.LmsUsername,
        }) },
        Access = request.ToAccess(),
        Note = request.Note,
        SubmittedAt = Timestamp.FromDateTimeOffset(request.SubmittedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(request.UpdatedAt),
        Etag = request.Etag,
        TransferPath = request.TransferPath.ToContract(),
        ProjectTypesToTrain = { request.ProjectTypesToTrain.ToContract() },
        WaitingOn = request.WaitingOn.ToContract(),
        TimeWaiting = Duration.FromTimeSpan(request.TimeWaiting(now)),
        DecisionReason = request.DecisionReason ?? "",
        RequiredForm = request.RequiredForm.ToContract(),
        ReplacesAccessRequestId = request.ReplacesAccessRequestId?.ToString() ?? "",
        CreditsConfirmedAt = request.CreditsConfirmedAt is { } credits ? Timestamp.FromDateTimeOffset(credits) : null,
        CeApprovedAt = request.CeApprovedAt is { } ce ? Timestamp.FromDateTimeOffset(ce) : null,
        InformationProvided = request.InformationProvided ?? "",
        Warnings = { request.Warnings },
        SubmittedBy = request.SubmittedBy,
        AssessmentWaived = request.AssessmentWaived,
        NewHireValidations = { request.NewHireValidations.Select(v => new Hmis.Requests.V1.NewHireValidation
        {
            AdministratorId = v.AdministratorId.ToString(),
            FullName = v.FullName,
            Role = ProtoEnum.NameOf(v.Role.ToContract()),
            ValidatedAt = Timestamp.FromDateTimeOffset(v.ValidatedAt),
        }) },
        AllowedActions = request.Allowed().ToMessage(),
        PastReviewTarget = request.IsPastReviewTarget(now, reviewTarget),
    };

    private static Hmis.Requests.V1.AllowedActions ToMessage(this AllowedActions allowed) => new()
    {
        ReviewOutcomes = { allowed.ReviewOutcomes.Select(o => o.ToContract()) },
        CeDecision = allowed.CeDecision,
        ProvideInformation = allowed.ProvideInformation,
        Withdraw = allowed.Withdraw,
        ValidateNewHire = allowed.ValidateNewHire,
    };

    public static Hmis.Requests.V1.AccessRequestChange ToMessage(this Domain.AccessRequests.AccessRequestChange change) => new()
    {
        Actor = change.Actor,
        ActorRole = change.ActorRole,
        OccurredAt = Timestamp.FromDateTimeOffset(change.OccurredAt),
        FromStatus = change.FromStatus.ToContract(),
        ToStatus = change.ToStatus.ToContract(),
        Action = change.Action,
        Reason = change.Reason ?? "",
    };

    public static Journey ToMessage(this JourneyView journey, JourneySummary summary, JourneyRequest request, DateTimeOffset now)
    {
        var message = summary.ToMessage(request, now);
        message.Stages.Add(journey.Stages.Select(s => new JourneyStageSpan
        {
            Stage = s.Stage.ToContract(),
            StartedAt = Timestamp.FromDateTimeOffset(s.StartedAt),
            CompletedAt = s.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        }));
        message.Timeline.Add(journey.Timeline.Select(e => new JourneyEvent
        {
            Stage = e.Stage.ToContract(),
            Kind = e.Kind,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        }));
        return message;
    }

    public static Journey ToMessage(this JourneySummary summary, JourneyRequest request, DateTimeOffset now) => new()
    {
        PersonId = summary.PersonId.ToString(),
        AccessRequestId = summary.AccessRequestId.ToString(),
        CurrentStage = summary.CurrentStage.ToContract(),
        RequestStatus = request.Status.ToContract(),
        GivenName = request.NameOf(summary.PersonId).GivenName,
        FamilyName = request.NameOf(summary.PersonId).FamilyName,
        AgencyId = summary.AgencyId.ToString(),
        WaitingOn = summary.WaitingOn.ToContract(),
        TimeInStage = Duration.FromTimeSpan(now > summary.StageStartedAt ? now - summary.StageStartedAt : TimeSpan.Zero),
        RequestType = summary.RequestType.ToContract(),
    };
}

/// <summary>What a journey shows of the request that started it: its status and the names of its people.</summary>
internal sealed record JourneyRequest(AccessRequestStatus Status, IReadOnlyList<(Guid PersonId, string GivenName, string FamilyName)> People)
{
    public (string GivenName, string FamilyName) NameOf(Guid personId) =>
        People.Where(p => p.PersonId == personId).Select(p => (p.GivenName, p.FamilyName)).FirstOrDefault(("", ""));
}
