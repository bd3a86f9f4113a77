using Hmis.Requests.V1;
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
        ]);

        Assert.Equal([JourneyStage.Request, JourneyStage.Training, JourneyStage.Assessment], view.Stages.Select(s => s.Stage));
        Assert.Equal(T0.AddHours(2), view.Stages[0].CompletedAt);
        Assert.Equal(T0.AddHours(30), view.Stages[1].CompletedAt);
        Assert.Null(view.Stages[2].CompletedAt);
        Assert.Equal(JourneyStage.Assessment, view.CurrentStage);
        Assert.Equal("AccessRequestSubmitted", view.Timeline[0].Kind);
    }

    [Fact]
    public void Of_UnknownKind_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyStages.Of("SomethingElse"));
}
