namespace HmisPlatform.Assessment.Domain.Trainings;

/// <summary>
/// The part a completed course plays in a learning path. Stored by these numbers: never renumber a member.
/// </summary>
public enum CompletedCourseKind
{
    Unspecified = 0,
    /// <summary>Introduction to HMIS (or its Read Only alternate).</summary>
    Introduction = 1,
    /// <summary>Data Management.</summary>
    DataManagement = 2,
    /// <summary>A project-specific workflow course.</summary>
    Project = 3,
    /// <summary>A role's course (Housing Resource Specialist, Housing System Navigator).</summary>
    Role = 4,
    /// <summary>The Sample Client final instructions.</summary>
    Final = 5,
}
