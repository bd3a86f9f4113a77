using Hmis.Common.V1;
using Hmis.Events.V1;

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
    public bool Report(IEnumerable<ProjectType> projectTypes, bool readOnly, bool helpDeskOnly, IEnumerable<CourseCompletion> courses, DateTimeOffset reportedAt)
    {
        if (ReportedAt != default && reportedAt < ReportedAt)
        {
            return false;
        }
        (ProjectTypes, ReadOnly, HelpDeskOnly, Courses, ReportedAt) = ([.. projectTypes], readOnly, helpDeskOnly, [.. courses], reportedAt);
        return true;
    }
}

/// <summary>One completed course of the path.</summary>
public sealed record CourseCompletion(string CourseCode, CompletedCourseKind Kind, DateTimeOffset CompletedAt);
