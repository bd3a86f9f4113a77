using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LearningPaths;

namespace HmisPlatform.Training.Tests.Domain;

/// <summary>The reviewer assigns "the courses most appropriate to their new role", within the rules.</summary>
public sealed class PathTailoringTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Caller Reviewer = new("hmis-lead", null, true, PlatformIdentity.HmisTeamRole);
    private static readonly Caller Lms = new("hmis-lms", null, false, Caller.LmsRole);

    private static LearningPath Enrol(Responsibility responsibility, params ProjectType[] projectTypes) =>
        LearningPath.Enrol(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), projectTypes, responsibility == Responsibility.ReadOnly,
            PathShape.CoursesFor([responsibility], projectTypes, "FULL_TRAINING", []), [], ["agency.example.org"], true, TimeSpan.FromDays(30), Now);

    private static string[] Codes(LearningPath path) => [.. path.Courses.OrderBy(c => c.Position).Select(c => c.CourseCode)];

    private static DomainException Refused(Action tailor) => Assert.Throws<DomainException>(tailor);

    [Fact]
    public void AddedCourses_GoBeforeTheFinalInstructions_AndTheChangeIsKeptWithItsReviewer()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.EmergencyShelter);

        path.Tailor(["EMPLOYMENT_INCOME", "ES_TH_SH"], [], "Runs the employment desk too", Reviewer, true, Now);

        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "EMPLOYMENT_INCOME", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], Codes(path));
        Assert.Equal([1, 2, 3, 4, 5], path.Courses.OrderBy(c => c.Position).Select(c => c.Position));
        var tailoring = Assert.Single(path.Tailorings);
        Assert.Equal(["EMPLOYMENT_INCOME"], tailoring.Added);
        Assert.Equal(("Runs the employment desk too", "hmis-lead"), (tailoring.Reason, tailoring.TailoredBy.Subject));
    }

    [Fact]
    public void AnAddedCourse_IsEnrolledInTheLms_AnOmittedOneNeedsNoEnrolment()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.HousingPshRrhFamilies, ProjectType.HousingPshRrhSingles);
        path.EnrolledInLms(Now);

        path.Tailor([], ["PSH_RRH_SINGLES"], "Serves families only", Reviewer, true, Now);
        Assert.Equal(Now, path.LmsEnrolledAt);

        path.Tailor(["EMPLOYMENT_INCOME"], [], "Runs the employment desk too", Reviewer, true, Now);
        Assert.Null(path.LmsEnrolledAt);
    }

    [Fact]
    public void BothHousingCourses_TheUserTakesTheOneThatFits_ButNotNeither()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.HousingPshRrhFamilies, ProjectType.HousingPshRrhSingles);

        var neither = Refused(() => path.Tailor([], ["PSH_RRH_FAMILIES", "PSH_RRH_SINGLES"], "Neither", Reviewer, true, Now));
        path.Tailor([], ["PSH_RRH_SINGLES"], "Serves families only", Reviewer, true, Now);

        Assert.Equal(LearningPath.CourseRequiredReason, neither.Reason);
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "PSH_RRH_FAMILIES", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], Codes(path));
    }

    [Fact]
    public void RoleTraining_MayReplaceTheOtherProjectCourses_NeverTheFoundationOrTheRoleCourse()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.HousingSystemNavigation, ProjectType.EmergencyShelter);

        var foundation = Refused(() => path.Tailor([], ["DATA_MANAGEMENT"], "Why not", Reviewer, true, Now));
        var roleCourse = Refused(() => path.Tailor([], ["HOUSING_SYSTEM_NAVIGATOR"], "Why not", Reviewer, true, Now));
        path.Tailor([], ["ES_TH_SH"], "Navigator training instead of the shelter workflow", Reviewer, true, Now);

        Assert.Equal([LearningPath.CourseRequiredReason, LearningPath.CourseRequiredReason], [foundation.Reason, roleCourse.Reason]);
        Assert.DoesNotContain("ES_TH_SH", Codes(path));
        Assert.Contains("HOUSING_SYSTEM_NAVIGATOR", Codes(path));
    }

    [Fact]
    public void WithoutRoleTraining_TheRequiredProjectCourseStays_UntilRoleTrainingIsAddedInItsPlace()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.EmergencyShelter);

        var alone = Refused(() => path.Tailor([], ["ES_TH_SH"], "Why not", Reviewer, true, Now));
        path.Tailor(["HOUSING_SYSTEM_NAVIGATOR"], ["ES_TH_SH"], "Works as a navigator", Reviewer, true, Now);

        Assert.Equal(LearningPath.CourseRequiredReason, alone.Reason);
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "HOUSING_SYSTEM_NAVIGATOR", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], Codes(path));
    }

    [Fact]
    public void BadTailorings_AreRefusedByTheirFields_AndChangeNothing()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.EmergencyShelter);
        var before = Codes(path);

        var notACourse = Refused(() => path.Tailor(["NOPE", "INTRO_HMIS_READ_ONLY", "ATA_HMIS_ACCESS_PROCESS"], ["SSVF"], "Mixed", Reviewer, true, Now));
        var noReason = Refused(() => path.Tailor(["SSVF"], [], "  ", Reviewer, true, Now));
        var nothing = Refused(() => path.Tailor([], [], "Nothing", Reviewer, true, Now));
        var onAlready = Refused(() => path.Tailor(["ES_TH_SH"], [], "Again", Reviewer, true, Now));
        var byAgency = Refused(() => path.Tailor(["SSVF"], [], "Agency wants it", new Caller("lakeview-case-system", Guid.NewGuid(), false), true, Now));
        var byLms = Refused(() => path.Tailor(["SSVF"], [], "LMS", Lms, true, Now));

        Assert.Equal(["add_courses[0]", "add_courses[1]", "add_courses[2]", "omit_courses[0]"], notACourse.FieldViolations.Select(v => v.Field));
        Assert.Equal(LearningPath.CourseNotInPathReason, notACourse.FieldViolations[3].Reason);
        Assert.Equal(LearningPath.TailoringReasonRequiredReason, noReason.Reason);
        Assert.Equal([LearningPath.NothingToTailorReason, LearningPath.NothingToTailorReason], [nothing.Reason, onAlready.Reason]);
        Assert.Equal([Caller.HmisTeamOnlyReason, Caller.HmisTeamOnlyReason], [byAgency.Reason, byLms.Reason]);
        Assert.Equal(before, Codes(path));
        Assert.Empty(path.Tailorings);
    }

    [Fact]
    public void ACompletedCourse_StaysOnThePath_AndOmittingTheLastOneLeft_CompletesIt()
    {
        var path = Enrol(Responsibility.EnterClientData, ProjectType.EmergencyShelter);
        path.Tailor(["SSVF"], [], "Also SSVF intake", Reviewer, true, Now);
        foreach (var code in new[] { "INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS" })
        {
            path.RecordProgress(code, 100, Now, 3, true, Lms, "test", Now);
        }

        var complete = Refused(() => path.Tailor([], ["ES_TH_SH"], "Done already", Reviewer, true, Now));
        var completed = path.Tailor([], ["SSVF"], "SSVF intake moved to another team", Reviewer, true, Now);
        var closed = Refused(() => path.Tailor(["SSVF"], [], "Too late", Reviewer, true, Now));

        Assert.Equal(LearningPath.CourseCompleteReason, complete.Reason);
        Assert.True(completed);
        Assert.True(path.IsComplete);
        Assert.Equal(LearningPath.PathNotOpenReason, closed.Reason);
    }

    [Fact]
    public void AReadOnlyPath_IsNotTailored()
    {
        var path = Enrol(Responsibility.ReadOnly, ProjectType.ServicesOnly);

        Assert.Equal(LearningPath.ReadOnlyPathReason, Refused(() => path.Tailor(["SSVF"], [], "Reads SSVF too", Reviewer, true, Now)).Reason);
    }
}
