using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Tests.Domain;

public sealed class JourneyViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static JourneyEntry Entry(Guid person, string kind, int hours) =>
        new(person, Guid.Empty, Guid.NewGuid(), JourneyStages.Of(kind), kind, T0.AddHours(hours));

    [Fact]
    public void From_EntriesInAnyOrder_StagesFollowTheirEarliestEntries()
    {
        var person = Guid.NewGuid();
        var view = JourneyView.From(person,
        [
            Entry(person, "AssessmentScheduled", 30),
            Entry(person, "AccessRequestSubmitted", 0),
            Entry(person, "TrainingCompleted", 20),
            Entry(person, "TrainingEnrolled", 2),
        ])!;

        Assert.Equal([JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment], view.Stages.Select(s => s.Stage));
        Assert.Equal(T0.AddHours(2), view.Stages[0].CompletedAt);
        Assert.Equal(T0.AddHours(30), view.Stages[1].CompletedAt);
        Assert.Null(view.Stages[2].CompletedAt);
        Assert.Equal(JourneyStage.Assessment, view.CurrentStage);
        Assert.Equal("AccessRequestSubmitted", view.Timeline[0].Kind);
    }

    [Fact]
    public void From_LateEventOfAnEarlierRequest_DoesNotTakeOverTheNewerRequest()
    {
        var person = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var view = JourneyView.From(person,
        [
            new JourneyEntry(person, first, Guid.NewGuid(), JourneyStage.Request, "AccessRequestSubmitted", T0),
            new JourneyEntry(person, second, Guid.NewGuid(), JourneyStage.Request, "AccessRequestSubmitted", T0.AddDays(200)),
            new JourneyEntry(person, first, Guid.NewGuid(), JourneyStage.AccessRemoved, "AccessRemoved", T0.AddDays(201)),
        ])!;

        Assert.Equal(second, view.AccessRequestId);
        Assert.Equal(JourneyStage.Request, view.CurrentStage);
        Assert.Equal(WaitingOn.HmisTeam, view.WaitingOn);
    }

    [Fact]
    public void From_AgreementSigned_WaitsOnTheAtaToConfirm()
    {
        var person = Guid.NewGuid();
        var view = JourneyView.From(person,
        [
            Entry(person, "AccessRequestSubmitted", 0),
            Entry(person, "EndUserAgreementSigned", 50),
            Entry(person, "AccountPendingAgreement", 40),
        ])!;

        Assert.Equal(JourneyStage.Credentials, view.CurrentStage);
        Assert.Equal(WaitingOn.Ata, view.WaitingOn);
    }

    [Fact]
    public void Of_UnknownKind_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyStages.Of("SomethingElse"));
}
