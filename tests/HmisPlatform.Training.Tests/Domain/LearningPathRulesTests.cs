using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LearningPaths;

namespace HmisPlatform.Training.Tests.Domain;

public sealed class LearningPathRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);

    private static LearningPath Enrol(Responsibility[] responsibilities, params ProjectType[] projectTypes) =>
        LearningPath.Enrol(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), responsibilities, projectTypes, Now);

    [Fact]
    public void ReadOnlyUser_TakesTheAlternateIntroductionOnly() =>
        Assert.Equal(["INTRO_HMIS_READ_ONLY"], Enrol([Responsibility.ReadOnly], ProjectType.ServicesOnly).Courses.Select(c => c.CourseCode));

    [Fact]
    public void FamiliesHousing_TakesTheFamiliesCourseNotTheSingles()
    {
        var codes = Enrol([Responsibility.EnterClientData], ProjectType.HousingPshRrhFamilies).Courses.Select(c => c.CourseCode).ToList();
        Assert.Contains("PSH_RRH_FAMILIES", codes);
        Assert.DoesNotContain("PSH_RRH_SINGLES", codes);
    }

    [Fact]
    public void TwoProjectTypes_TakeBothProjectCoursesBeforeFinalInstructions() =>
        Assert.Equal(
            ["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "OUTREACH_PATH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"],
            Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter, ProjectType.OutreachPath).Courses.Select(c => c.CourseCode));

    [Fact]
    public void ProjectCourse_OpensOnceIntroductionIsComplete()
    {
        var path = Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter);
        var projectCourse = path.Courses.Single(c => c.CourseCode == "ES_TH_SH");
        Assert.True(path.IsRestricted(projectCourse));

        path.RecordProgress("INTRO_HMIS", 100, Now);

        Assert.False(path.IsRestricted(projectCourse));
        Assert.False(path.RecordProgress("ES_TH_SH", 40, Now));
    }

    [Fact]
    public void CourseNotOnPath_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Enrol([Responsibility.EnterClientData], ProjectType.EmergencyShelter).RecordProgress("SSVF", 10, Now));
        Assert.Equal(LearningPath.CourseNotInPathReason, error.Reason);
    }

    [Fact]
    public void LastCourseToHundred_CompletesThePathExactlyOnce()
    {
        var path = Enrol([Responsibility.ReadOnly], ProjectType.ServicesOnly);

        Assert.True(path.RecordProgress("INTRO_HMIS_READ_ONLY", 100, Now));
        Assert.False(path.RecordProgress("INTRO_HMIS_READ_ONLY", 100, Now));
        Assert.Equal(Now, path.CompletedAt);
    }
}
