namespace HmisPlatform.Assessment.Domain.Assignments;

/// <summary>
/// Where an assignment stands. Stored by these numbers: never renumber a member.
/// </summary>
public enum AssignmentStatus
{
    Unspecified = 0,
    /// <summary>The trainee holds a seat and may submit attempts.</summary>
    Seated = 1,
    /// <summary>Passed: the trainee moves on to live credentials.</summary>
    Passed = 2,
    /// <summary>Waiting for one of the seats, in order of joining.</summary>
    Waiting = 3,
    /// <summary>Over: 10 days passed or 3 attempts failed; the ATA must request access again.</summary>
    Expired = 4,
    /// <summary>Back in training (the project course again); the trainee rejoins the line when it is complete.</summary>
    Retraining = 5,
}
