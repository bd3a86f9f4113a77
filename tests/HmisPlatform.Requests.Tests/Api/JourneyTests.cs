using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Tests.Api;

public sealed class JourneyTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    [Fact]
    public async Task Journey_EventsOutOfOrderAndTwice_GiveEachStageOnceInOrder()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("journey.person@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        var personId = submitted.Users[0].PersonId;
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()); // Postgres keeps microseconds, not ticks
        var enrolled = new TrainingEnrolled { EventId = Guid.NewGuid().ToString(), OccurredAt = At(start, 1), PersonId = personId, AccessRequestId = submitted.Id };
        var completed = new TrainingCompleted { EventId = Guid.NewGuid().ToString(), OccurredAt = At(start, 5), PersonId = personId, AccessRequestId = submitted.Id };

        // Completion arrives first, and enrolment twice.
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), completed);
        await service.Redis.PublishAsync(service.StreamOf(TrainingEnrolled.Descriptor), enrolled);
        await service.Redis.PublishAsync(service.StreamOf(TrainingEnrolled.Descriptor), enrolled);

        var journey = await Eventually.ReturnsAsync(
            async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.Timeline.Any(e => e.Kind == nameof(TrainingEnrolled)) && j.Timeline.Any(e => e.Kind == nameof(TrainingCompleted)));
        await service.CaughtUpAsync(TrainingEnrolled.Descriptor);
        await service.CaughtUpAsync(TrainingCompleted.Descriptor);

        journey = (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey;
        Assert.Equal(
            ["AccessRequestSubmitted", "CreditUseConfirmed", "AccessRequestApproved", "TrainingEnrolled", "TrainingCompleted"],
            journey.Timeline.Select(e => e.Kind));
        Assert.Equal([JourneyStage.Request, JourneyStage.Training], journey.Stages.Select(s => s.Stage));
        Assert.Equal(enrolled.OccurredAt, journey.Stages[1].StartedAt);
        Assert.Equal(journey.Stages[1].StartedAt, journey.Stages[0].CompletedAt);
        Assert.Null(journey.Stages[1].CompletedAt);
        Assert.Equal(JourneyStage.Training, journey.CurrentStage);
    }

    [Fact]
    public async Task Journey_CredentialsIssuedForEveryUser_CompletesTheRequest()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("complete.person@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        var personId = submitted.Users[0].PersonId;

        await service.Redis.PublishAsync(service.StreamOf(CredentialsIssued.Descriptor), new CredentialsIssued
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = personId,
            AccessRequestId = submitted.Id,
            AccountId = Guid.NewGuid().ToString(),
            Username = "cperson",
        });

        var journey = await Eventually.ReturnsAsync(
            async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.RequestStatus == AccessRequestStatus.Completed);
        Assert.Equal(JourneyStage.Complete, journey.CurrentStage);
        Assert.Equal((submitted.Users[0].GivenName, submitted.Users[0].FamilyName), (journey.GivenName, journey.FamilyName));
    }

    [Fact]
    public async Task Journeys_UnderWay_NamesEachPerson_AndLeavesOutThoseWhoFinished()
    {
        var finished = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("finished.person@lakeview.example.org"))).AccessRequest;
        var onTheWay = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("on.the.way@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(finished);
        await service.Redis.PublishAsync(service.StreamOf(CredentialsIssued.Descriptor), new CredentialsIssued
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = finished.Users[0].PersonId, AccessRequestId = finished.Id, AccountId = Guid.NewGuid().ToString(), Username = "fperson",
        });
        await Eventually.ReturnsAsync(
            async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = finished.Users[0].PersonId })).Journey.CurrentStage,
            stage => stage == JourneyStage.Complete);

        var everyone = await AllJourneysAsync(underWay: false);
        var underWay = await AllJourneysAsync(underWay: true);

        Assert.Contains(everyone, j => j.PersonId == finished.Users[0].PersonId);
        Assert.DoesNotContain(underWay, j => j.PersonId == finished.Users[0].PersonId);
        var person = Assert.Single(underWay, j => j.PersonId == onTheWay.Users[0].PersonId);
        Assert.Equal((onTheWay.Users[0].GivenName, onTheWay.Users[0].FamilyName), (person.GivenName, person.FamilyName));
        Assert.All(underWay, j => Assert.Contains(j.CurrentStage, new[] { JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment, JourneyStage.Credentials }));
    }

    private async Task<List<Journey>> AllJourneysAsync(bool underWay)
    {
        var all = new List<Journey>();
        var token = "";
        do
        {
            var page = await service.Client.ListJourneysAsync(new ListJourneysRequest { UnderWay = underWay, PageSize = 500, PageToken = token });
            all.AddRange(page.Journeys);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    [Fact]
    public async Task LapsedTraining_ExpiresTheRequest_ReleasesItsCredits_AndLetsTheAtaRequestAgain()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("lapsed.person@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        var personId = submitted.Users[0].PersonId;
        var lapsed = new TrainingExpired
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = personId,
            AccessRequestId = submitted.Id, AgencyId = submitted.AgencyId, CourseCodes = { "INTRO_HMIS" }, WholePath = true,
        };

        await service.Redis.PublishAsync(service.StreamOf(TrainingExpired.Descriptor), lapsed);
        await service.Redis.PublishAsync(service.StreamOf(TrainingExpired.Descriptor), lapsed);

        var journey = await Eventually.ReturnsAsync(
            async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.RequestStatus == AccessRequestStatus.Expired);
        Assert.Equal(WaitingOn.Ata, journey.WaitingOn);
        var changes = await service.Redis.WaitForAsync<AccessRequestStatusChanged>(service.StreamOf(AccessRequestStatusChanged.Descriptor), e => e.AccessRequestId == submitted.Id, 2);
        Assert.Equal(["PERSON_LAPSED", "EXPIRE"], changes.Select(c => c.Action));
        Assert.True(changes[1].Closed);
        var again = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("lapsed.person@lakeview.example.org"))).AccessRequest;
        Assert.Equal(personId, again.Users[0].PersonId);
    }

    [Fact]
    public async Task ExpiredAssignment_ExpiresTheRequest_AndTheJourneyWaitsOnTheAta()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser("expired.assignment@lakeview.example.org"))).AccessRequest;
        await service.HmisTeam.ApproveAsync(submitted);
        var personId = submitted.Users[0].PersonId;

        await service.Redis.PublishAsync(service.StreamOf(AssessmentExpired.Descriptor), new AssessmentExpired
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = personId,
            AccessRequestId = submitted.Id, AssignmentId = Guid.NewGuid().ToString(), AgencyId = submitted.AgencyId, Reason = "THREE_FAILED_ATTEMPTS",
        });

        var journey = await Eventually.ReturnsAsync(
            async () => (await service.Client.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.RequestStatus == AccessRequestStatus.Expired);
        Assert.Equal((JourneyStage.Assessment, WaitingOn.Ata), (journey.CurrentStage, journey.WaitingOn));
        var history = await service.HmisTeam.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = submitted.Id });
        Assert.Contains("THREE_FAILED_ATTEMPTS", history.Changes.Last().Reason);
    }

    [Fact]
    public async Task Journey_UnknownPerson_IsNotFoundForTheHmisTeam()
    {
        var hmisTeam = new AccessRequests.AccessRequestsClient(service.HmisTeamChannel);

        var error = await RpcErrors.CatchAsync(() => hmisTeam.GetJourneyAsync(new GetJourneyRequest { PersonId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, error.StatusCode);
        Assert.Equal("PERSON_NOT_FOUND", error.Reason());
    }

    private static Timestamp At(DateTimeOffset start, int minutes) => Timestamp.FromDateTimeOffset(start.AddMinutes(minutes));

    [Fact]
    public async Task AccessRemoved_OfAnAccountFromBeforeGoLive_IsTakenWithoutAJourney()
    {
        var personId = Guid.NewGuid();
        var removed = new AccessRemoved
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = personId.ToString(),
            AccessRequestId = Guid.Empty.ToString(), AccountId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId, Reason = "INACTIVE",
        };

        await service.Redis.PublishAsync(service.StreamOf(AccessRemoved.Descriptor), removed);
        await service.CaughtUpAsync(AccessRemoved.Descriptor);

        var eventId = Guid.Parse(removed.EventId);
        Assert.True(await service.QueryAsync(db => db.Set<HmisPlatform.BuildingBlocks.Messaging.InboxEntry>().AnyAsync(e => e.EventId == eventId)));
        Assert.False(await service.QueryAsync(db => db.JourneyEntries.AnyAsync(e => e.PersonId == personId)));
    }
}
