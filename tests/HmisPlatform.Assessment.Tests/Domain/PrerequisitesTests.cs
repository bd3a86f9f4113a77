using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Tests.Domain;

/// <summary>The assignment's sign-up prerequisites, on a fixed clock: 3 months for the project course, 6 for the foundation.</summary>
public sealed class PrerequisitesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly Prerequisites Rules = new();

    private static CompletedTraining Training(bool readOnly = false, params CourseCompletion[] courses)
    {
        var training = new CompletedTraining(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        training.Report([ProjectType.EmergencyShelter], readOnly, helpDeskOnly: false, courses, Now);
        return training;
    }

    private static CourseCompletion Intro(DateTimeOffset at) => new("INTRO", CompletedCourseKind.Introduction, at);

    private static CourseCompletion DataManagement(DateTimeOffset at) => new("DATA_MGMT", CompletedCourseKind.DataManagement, at);

    private static CourseCompletion Project(DateTimeOffset at) => new("ES_TH_SH", CompletedCourseKind.Project, at);

    private static DomainException Refusal(CompletedTraining? training) => Assert.Throws<DomainException>(() => Rules.EnsureMet(training, Now));

    [Fact]
    public void ProjectCourse_OnTheDayThreeMonthsAgo_Counts_ADayMoreHasExpired()
    {
        Rules.EnsureMet(Training(false, Intro(Now.AddDays(-10)), Project(Now.AddMonths(-3))), Now);

        var error = Refusal(Training(false, Intro(Now.AddDays(-10)), Project(Now.AddMonths(-3).AddDays(-1))));

        Assert.Equal(Prerequisites.ExpiredReason, error.Reason);
        Assert.Equal("ES_TH_SH", Assert.Single(error.PreconditionViolations).Subject);
    }

    [Fact]
    public void Foundation_OnTheDaySixMonthsAgo_Counts_ADayMoreHasExpired_OneViolationPerCourse()
    {
        Rules.EnsureMet(Training(false, Intro(Now.AddMonths(-6)), DataManagement(Now.AddMonths(-6)), Project(Now.AddDays(-1))), Now);

        var error = Refusal(Training(false, Intro(Now.AddMonths(-6).AddDays(-1)), DataManagement(Now.AddMonths(-7)), Project(Now.AddDays(-1))));

        Assert.Equal(Prerequisites.ExpiredReason, error.Reason);
        Assert.Equal(["INTRO", "DATA_MGMT"], error.PreconditionViolations.Select(v => v.Subject));
    }

    [Fact]
    public void IntroductionOrDataManagement_EitherIsEnough() =>
        Rules.EnsureMet(Training(false, DataManagement(Now.AddDays(-3)), Project(Now.AddDays(-1))), Now);

    [Fact]
    public void NeitherFoundationCourse_IsNotMet()
    {
        var error = Refusal(Training(false, Project(Now.AddDays(-1))));

        Assert.Equal(Prerequisites.NotMetReason, error.Reason);
        Assert.Equal("Introduction to HMIS", Assert.Single(error.PreconditionViolations).Subject);
    }

    [Fact]
    public void ProjectCourseOnly_CountsTheLatestFoundationOfEarlierRequests()
    {
        var projectOnly = Training(false, Project(Now.AddDays(-1)));

        Rules.EnsureMet(projectOnly, Now, [Intro(Now.AddMonths(-9)), Intro(Now.AddMonths(-2))]);
        var error = Assert.Throws<DomainException>(() => Rules.EnsureMet(projectOnly, Now, [Intro(Now.AddMonths(-7))]));

        Assert.Equal(Prerequisites.ExpiredReason, error.Reason);
        Assert.Equal("INTRO", Assert.Single(error.PreconditionViolations).Subject);
    }

    [Fact]
    public void NoProjectCourse_IsNotMet_AndAnExpiredOneIsNamedBeside()
    {
        var error = Refusal(Training(false, Intro(Now.AddMonths(-8))));

        Assert.Equal(Prerequisites.NotMetReason, error.Reason);
        Assert.Equal(["project course", "INTRO"], error.PreconditionViolations.Select(v => v.Subject));
    }

    [Fact]
    public void ReadOnlyAccess_IsNotDataEntry()
    {
        var error = Refusal(Training(true, Intro(Now.AddDays(-1)), Project(Now.AddDays(-1))));

        Assert.Equal(Prerequisites.NotMetReason, error.Reason);
        Assert.Equal("DATA_ENTRY_ACCESS", Assert.Single(error.PreconditionViolations).Type);
    }

    [Fact]
    public void NoCompletedTraining_IsNotMet() => Assert.Equal(Prerequisites.NotMetReason, Refusal(null).Reason);

    [Fact]
    public void AnOlderReport_DoesNotReplaceANewerOne()
    {
        var training = Training(false, Intro(Now), Project(Now));

        Assert.False(training.Report([ProjectType.Ssvf], false, false, [], Now.AddMinutes(-1)));
        Assert.Equal([ProjectType.EmergencyShelter], training.ProjectTypes);
    }
}
