namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// How a user with earlier access reaches step 4, computed at submission from their accounts. Stored by these numbers: never renumber a member.
/// </summary>
public enum TransferPath
{
    Unspecified = 0,
    /// <summary>The whole path: Introduction, Data Management, project courses, the assignment.</summary>
    FullTraining = 1,
    /// <summary>Same project types as before, none that always needs its own course: a new account, no training.</summary>
    FullTransfer = 2,
    /// <summary>Only the project course(s) in project_types_to_train, then the Sample Client Assignment.</summary>
    ProjectCourseOnly = 3,
}
