using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Tests.Domain;

/// <summary>A seat's ten days and the courses' months count on Chicago's clock, across daylight-saving changes.</summary>
public sealed class SeatClockTests
{
    [Fact]
    public void SeatTakenBeforeTheSpringChange_EndsTenChicagoDaysLater_At239Hours()
    {
        // Seated 14:00 CST on 5 March 2026; the clocks go forward on 8 March; the seat ends 14:00 CDT on 15 March.
        var seatedAt = new DateTimeOffset(2026, 3, 5, 20, 0, 0, TimeSpan.Zero);
        var assignment = SampleClientAssignment.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [ProjectType.EmergencyShelter], seatedAt);
        assignment.Seat(new AssessmentPolicy(), seatedAt);

        Assert.Equal(new DateTimeOffset(2026, 3, 15, 19, 0, 0, TimeSpan.Zero), assignment.ExpiresAt);
        Assert.False(assignment.ExpireIfDue(new DateTimeOffset(2026, 3, 15, 18, 59, 0, TimeSpan.Zero)));
        Assert.True(assignment.ExpireIfDue(new DateTimeOffset(2026, 3, 15, 19, 0, 0, TimeSpan.Zero)));
        Assert.Equal(AssignmentStatus.Expired, assignment.Status);
    }

    [Fact]
    public void ProjectCourse_CountsThreeChicagoMonths_ToTheSameWallClockTime()
    {
        // Completed 09:00 CST on 10 February (15:00 UTC): it counts until 09:00 CDT on 10 May (14:00 UTC).
        var completed = new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.Zero);
        var training = new CompletedTraining(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        training.Report([ProjectType.EmergencyShelter], readOnly: false, helpDeskOnly: false,
            [new CourseCompletion("INTRO_HMIS", CompletedCourseKind.Introduction, completed), new CourseCompletion("ES_TH_SH", CompletedCourseKind.Project, completed)], completed);
        var rules = new Prerequisites();

        rules.EnsureMet(training, new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero));
        var lapsed = Assert.Throws<BuildingBlocks.Domain.DomainException>(() => rules.EnsureMet(training, new DateTimeOffset(2026, 5, 10, 14, 1, 0, TimeSpan.Zero)));
        Assert.Equal((Prerequisites.ExpiredReason, "ES_TH_SH"), (lapsed.Reason, Assert.Single(lapsed.PreconditionViolations).Subject));
    }
}
