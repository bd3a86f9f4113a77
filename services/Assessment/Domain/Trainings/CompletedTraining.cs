using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Assessment.Domain.Trainings;

/// <summary>
/// What Training told of a trainee's completed learning path for one access request: the project types, whether
/// data-entry access was asked for, and when each course was completed. The assignment's prerequisites are checked
/// against it.
/// </summary>
public sealed class CompletedTraining
{
    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public bool ReadOnly { get; private set; }

    public bool HelpDeskOnly { get; private set; }

    /// <summary>The reviewer waived the assignment (HRS / 1474, Housing System Navigation).</summary>
    public bool AssessmentWaived { get; private set; }

    /// <summary>No client data entry was requested: the assignment, which checks data entry, does not apply.</summary>
    public bool NoDataEntry { get; private set; }

    public List<CourseCompletion> Courses { get; private set; } = [];

    /// <summary>When Training reported it; a later report replaces an earlier one, never the other way round.</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public CompletedTraining(Guid personId, Guid accessRequestId, Guid agencyId)
    {
        PersonId = personId;
        AccessRequestId = accessRequestId;
        AgencyId = agencyId;
    }

    private CompletedTraining()
    {
    }

    /// <summary>Takes a report of the path; returns whether it was newer than what is known.</summary>
    public bool Report(IEnumerable<ProjectType> projectTypes, bool readOnly, bool helpDeskOnly, IEnumerable<CourseCompletion> courses, DateTimeOffset reportedAt,
        bool assessmentWaived = false, bool noDataEntry = false)
    {
        if (ReportedAt != default && reportedAt < ReportedAt)
        {
            return false;
        }
        (ProjectTypes, ReadOnly, HelpDeskOnly, Courses, ReportedAt) = ([.. projectTypes], readOnly, helpDeskOnly, [.. courses], reportedAt);
        (AssessmentWaived, NoDataEntry) = (assessmentWaived, noDataEntry);
        return true;
    }

    /// <summary>
    /// Why this training leads to step 4 without the assignment, or null when the trainee takes it (Read Only access,
    /// which takes neither, is decided before). Help Desk access waits for the Help Desk; the rest go on at once. A
    /// path without a project workflow course (Coordinated Entry 1474 alone: its training is the Housing Resource
    /// Specialist course) never strands the trainee before an assignment whose prerequisite it cannot meet.
    /// </summary>
    public string? AssignmentWaiver() =>
        HelpDeskOnly ? WaiverReasons.HelpDesk
        : AssessmentWaived ? WaiverReasons.Reviewer
        : NoDataEntry ? WaiverReasons.NoDataEntry
        : !Courses.Any(c => c.Kind == CompletedCourseKind.Project) ? WaiverReasons.NoProjectCourse
        : null;
}

/// <summary>Why the Sample Client Assignment was waived, as AssessmentWaived.reason carries it.</summary>
public static class WaiverReasons
{
    public const string HelpDesk = "HELP_DESK";
    public const string Reviewer = "WAIVED_AT_APPROVAL";
    public const string NoDataEntry = "NO_DATA_ENTRY";
    public const string NoProjectCourse = "NO_PROJECT_COURSE";
}

/// <summary>One completed course of the path.</summary>
public sealed record CourseCompletion(string CourseCode, CompletedCourseKind Kind, DateTimeOffset CompletedAt);
