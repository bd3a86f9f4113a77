using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LearningPaths;

namespace HmisPlatform.Training.Tests.Domain;

public sealed class LearningPathRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Caller Lms = new("hmis-lms", null, false, Caller.LmsRole);

    private static IReadOnlyList<string> Shape(Responsibility[] responsibilities, string transferPath = "FULL_TRAINING", ProjectType[]? toTrain = null, params ProjectType[] projectTypes) =>
        PathShape.CoursesFor(responsibilities, projectTypes, transferPath, toTrain ?? []);

    private static LearningPath Enrol(Responsibility[] responsibilities, params ProjectType[] projectTypes) =>
        LearningPath.Enrol(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), projectTypes, PathShape.IsReadOnly(responsibilities),
            Shape(responsibilities, projectTypes: projectTypes), [], ["agency.example.org"], true, TimeSpan.FromDays(30), Now);

    private static LearningPath Completed(ProjectType projectType)
    {
        var path = Enrol([Responsibility.EnterClientData], projectType);
        foreach (var course in path.Courses)
        {
            path.RecordProgress(course.CourseCode, 100, Now, course.CourseCode is "INTRO_HMIS" or "DATA_MANAGEMENT" ? 6 : 3, true, Lms, "test", Now);
        }
        return path;
    }

    [Fact]
    public void ReadOnlyUser_TakesTheAlternateIntroductionOnly() =>
        Assert.Equal(["INTRO_HMIS_READ_ONLY"], Shape([Responsibility.ReadOnly], projectTypes: ProjectType.ServicesOnly));

    [Fact]
    public void FamiliesHousing_TakesTheFamiliesCourseNotTheSingles()
    {
        var codes = Shape([Responsibility.EnterClientData], projectTypes: ProjectType.HousingPshRrhFamilies);
        Assert.Contains("PSH_RRH_FAMILIES", codes);
        Assert.DoesNotContain("PSH_RRH_SINGLES", codes);
    }

    [Fact]
    public void TwoProjectTypes_TakeBothProjectCoursesBeforeFinalInstructions() =>
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "OUTREACH_PATH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"],
            Shape([Responsibility.EnterClientData], projectTypes: [ProjectType.EmergencyShelter, ProjectType.OutreachPath]));

    [Fact]
    public void CoordinatedEntry1474_TakesHousingResourceSpecialistTraining() =>
        Assert.Contains("HOUSING_RESOURCE_SPECIALIST", Shape([Responsibility.ReceiveReferrals], projectTypes: ProjectType.CoordinatedEntry1474));

    [Fact]
    public void HousingSystemNavigation_AddsNavigatorTraining() =>
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "HOUSING_SYSTEM_NAVIGATION", "HOUSING_SYSTEM_NAVIGATOR", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"],
            Shape([Responsibility.EnterClientData], projectTypes: ProjectType.HousingSystemNavigation));

    [Fact]
    public void HelpDeskOnlyAccess_HasNoFinalInstructions() =>
        Assert.DoesNotContain("SAMPLE_CLIENT_FINAL_INSTRUCTIONS", Shape([Responsibility.EnterClientData], projectTypes: ProjectType.Hpcc));

    [Fact]
    public void Transfers_FullTakesNothing_ProjectCourseOnlyTakesTheNewCourses_WithTheFoundationThatStillCounts()
    {
        ProjectType[] access = [ProjectType.EmergencyShelter, ProjectType.Ssvf];
        Assert.Empty(Shape([Responsibility.EnterClientData], PathShape.FullTransfer, projectTypes: ProjectType.EmergencyShelter));
        Assert.Equal(["INTRO_HMIS", "SSVF"],
            PathShape.CoursesFor([Responsibility.EnterClientData], access, PathShape.ProjectCourseOnly, [ProjectType.Ssvf], ["INTRO_HMIS"]));
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "SSVF"],
            PathShape.CoursesFor([Responsibility.EnterClientData], access, PathShape.ProjectCourseOnly, [ProjectType.Ssvf], ["INTRO_HMIS", "DATA_MANAGEMENT"]));
    }

    [Fact]
    public void TransferWhoseFoundationLapsed_TakesIntroductionAndDataManagementAgain_SoTheAssignmentCanOpen() =>
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "SSVF"],
            PathShape.CoursesFor([Responsibility.EnterClientData], [ProjectType.EmergencyShelter, ProjectType.Ssvf], PathShape.ProjectCourseOnly, [ProjectType.Ssvf], []));

    [Fact]
    public void CurrentUsersAddingProjects_TakeOnlyTheProjectCourse_AsTheyTakeNoAssignment() =>
        Assert.Equal(["OUTREACH_PATH"],
            PathShape.CoursesFor([Responsibility.EnterClientData], [ProjectType.OutreachPath], PathShape.ProjectCourseOnly, [ProjectType.OutreachPath], [], assessmentWaived: true));

    [Fact]
    public void EarlierValidCompletion_CountsAsDone_ExpiredOneDoesNot()
    {
        var earlier = Completed(ProjectType.EmergencyShelter);
        var later = Now.AddMonths(4);
        var path = LearningPath.Enrol(earlier.PersonId, Guid.NewGuid(), earlier.AgencyId, [ProjectType.EmergencyShelter], false,
            Shape([Responsibility.EnterClientData], projectTypes: ProjectType.EmergencyShelter), [.. earlier.Courses], ["agency.example.org"], true, TimeSpan.FromDays(30), later);

        Assert.True(path.Courses.Single(c => c.CourseCode == "INTRO_HMIS").CarriedOver);
        Assert.False(path.Courses.Single(c => c.CourseCode == "ES_TH_SH").IsComplete);
    }

    [Fact]
    public void ProjectCourse_OpensOnceIntroductionIsComplete()
    {
        var path = Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter);
        var projectCourse = path.Courses.Single(c => c.CourseCode == "ES_TH_SH");
        Assert.True(path.IsRestricted(projectCourse));

        path.RecordProgress("INTRO_HMIS", 100, Now, 6, true, Lms, "test", Now);

        Assert.False(path.IsRestricted(projectCourse));
        Assert.False(path.RecordProgress("ES_TH_SH", 40, Now, 3, true, Lms, "test", Now));
    }

    [Fact]
    public void OlderReport_NeverChangesProgress()
    {
        var path = Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter);
        path.RecordProgress("INTRO_HMIS", 40, Now, 6, true, Lms, "test", Now);
        path.RecordProgress("INTRO_HMIS", 90, Now.AddMinutes(-5), 6, true, Lms, "test", Now);

        Assert.Equal(40, path.Courses.Single(c => c.CourseCode == "INTRO_HMIS").Percent);
    }

    [Fact]
    public void CourseNotOnPath_IsRefused() =>
        Assert.Equal(LearningPath.CourseNotInPathReason, Assert.Throws<DomainException>(() =>
            Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter).RecordProgress("SSVF", 10, Now, 3, true, Lms, "test", Now)).Reason);

    [Fact]
    public void LastCourseToHundred_CompletesThePathExactlyOnce()
    {
        var path = Enrol([Responsibility.ReadOnly], ProjectType.ServicesOnly);

        Assert.True(path.RecordProgress("INTRO_HMIS_READ_ONLY", 100, Now, 6, true, Lms, "test", Now));
        Assert.False(path.RecordProgress("INTRO_HMIS_READ_ONLY", 100, Now, 6, true, Lms, "test", Now));
        Assert.Equal(Now, path.CompletedAt);
    }

    [Fact]
    public void AfterThreeMonths_TheProjectCourseIsTakenAgain_AfterSix_ThePathIsOver()
    {
        var path = Completed(ProjectType.EmergencyShelter);

        Assert.Null(path.ExpireDue(Now.AddMonths(3).AddDays(-1)));
        var three = path.ExpireDue(Now.AddMonths(3));
        Assert.Equal(["ES_TH_SH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], three!.CourseCodes);
        Assert.False(three.WholePath);
        Assert.False(path.IsComplete);

        var six = path.ExpireDue(Now.AddMonths(6));
        Assert.True(six!.WholePath);
        Assert.Equal(LearningPath.PathExpiredReason, Assert.Throws<DomainException>(() => path.RecordProgress("ES_TH_SH", 10, Now.AddMonths(6), 3, true, Lms, "test", Now.AddMonths(6))).Reason);
    }

    [Fact]
    public void PersonalLmsEmail_HoldsTheCompletionBack_UntilItIsChanged()
    {
        var path = Enrol([Responsibility.ReadOnly], ProjectType.ServicesOnly);

        Assert.False(path.RecordProgress("INTRO_HMIS_READ_ONLY", 100, Now, 6, false, Lms, "test", Now));
        Assert.False(path.IsComplete);
        Assert.True(path.CompleteIfReady(true, Now.AddDays(1)));
    }

    [Fact]
    public void UnfinishedPath_RemindsOnceAfterTheWindow()
    {
        var path = Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter);

        Assert.Empty(path.RemindIfDue(Now.AddDays(29)));
        Assert.Equal(4, path.RemindIfDue(Now.AddDays(30)).Count);
        Assert.Empty(path.RemindIfDue(Now.AddDays(31)));
    }

    [Fact]
    public void Completion_CountsItsMonthsOnChicagosClock_ToTheSameWallClockTime()
    {
        // Completed 09:00 CST on 10 February (15:00 UTC): a 3-month course counts until 09:00 CDT on 10 May (14:00 UTC).
        var course = new PathCourse("ES_TH_SH", 1);

        course.Advance(100, new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.Zero), validityMonths: 3);

        Assert.Equal(new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero), course.ValidUntil);
    }
}
