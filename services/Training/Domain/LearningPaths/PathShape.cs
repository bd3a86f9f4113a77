using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>
/// Which courses an approved access asks for, in order. The standard path is Introduction, Data Management, the
/// project course of each project type, role training, then Final Instructions (which leads to the assignment).
/// Read Only users take the alternate Introduction alone; a transfer to different project types takes those project
/// courses, with the foundation courses that still count from before (carried over, so their recency is watched), or
/// Introduction and Data Management again when neither does; a full transfer takes none.
/// </summary>
public static class PathShape
{
    public const string FullTransfer = "FULL_TRANSFER";
    public const string ProjectCourseOnly = "PROJECT_COURSE_ONLY";

    /// <summary>Project types whose access comes through the Help Desk, without the assignment.</summary>
    public static IReadOnlySet<ProjectType> HelpDeskProjectTypes { get; } = new HashSet<ProjectType> { ProjectType.Hpcc, ProjectType.StateHomelessPrevention };

    public static bool IsReadOnly(IReadOnlyCollection<Responsibility> responsibilities) =>
        responsibilities.Count > 0 && responsibilities.All(r => r == Responsibility.ReadOnly);

    public static bool IsHelpDeskOnly(IReadOnlyCollection<ProjectType> projectTypes) =>
        projectTypes.Count > 0 && projectTypes.All(HelpDeskProjectTypes.Contains);

    /// <summary>The course codes of the path, or none for a full transfer.</summary>
    /// <param name="foundationStillValid">The person's Introduction / Data Management completions that still count now.</param>
    public static IReadOnlyList<string> CoursesFor(
        IReadOnlyCollection<Responsibility> responsibilities, IReadOnlyCollection<ProjectType> projectTypes, string transferPath, IReadOnlyCollection<ProjectType> projectTypesToTrain,
        IReadOnlyCollection<string>? foundationStillValid = null, bool assessmentWaived = false)
    {
        if (transferPath == FullTransfer)
        {
            return [];
        }
        if (IsReadOnly(responsibilities))
        {
            return [CourseCatalog.IntroductionReadOnly];
        }
        var trained = transferPath == ProjectCourseOnly ? projectTypesToTrain : projectTypes;
        var projectCourses = trained.SelectMany(CourseCatalog.CoursesFor).Distinct().ToList();
        if (transferPath == ProjectCourseOnly && assessmentWaived)
        {
            return projectCourses;
        }
        if (transferPath == ProjectCourseOnly)
        {
            // The assignment asks for Introduction and/or Data Management within their months: a transferee whose
            // foundation lapsed takes it again instead of being stranded before the assignment.
            IReadOnlyList<string> foundation = foundationStillValid is { Count: > 0 } valid
                ? [.. new[] { CourseCatalog.Introduction, CourseCatalog.DataManagement }.Where(valid.Contains)]
                : [CourseCatalog.Introduction, CourseCatalog.DataManagement];
            return [.. foundation, .. projectCourses];
        }
        // Final Instructions are how to sign up for the assignment, which Help Desk access does not take.
        IEnumerable<string> final = IsHelpDeskOnly(projectTypes) ? [] : [CourseCatalog.FinalInstructions];
        return [CourseCatalog.Introduction, CourseCatalog.DataManagement, .. projectCourses, .. final];
    }
}
