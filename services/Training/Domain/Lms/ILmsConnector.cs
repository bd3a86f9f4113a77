namespace HmisPlatform.Training.Domain.Lms;

/// <summary>
/// A learner as the LMS knows them: their one account, its email now, and the emails it had before (every one the
/// platform knows), by which the LMS may still know them.
/// </summary>
public sealed record LmsLearner(string Email, string Username, string GivenName, string FamilyName, IReadOnlyList<string>? EarlierEmails = null);

/// <summary>How far a learner is in one course when the LMS was asked, and when they completed it if they did.</summary>
public sealed record LmsCourseProgress(string CourseCode, int Percent, DateTimeOffset ObservedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// The CoC's LMS. The built-in mode enrols nothing and reports nothing (progress arrives through RecordCourseProgress);
/// the TalentLMS connector enrols learners in their path's courses and reads their progress.
/// </summary>
public interface ILmsConnector
{
    /// <summary>Whether progress is read from the LMS (the sync polls it) rather than reported to the API.</summary>
    bool ReportsProgress { get; }

    /// <summary>Makes sure the learner has their account and is enrolled in each course; doing it twice changes nothing.</summary>
    Task EnrolAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken);

    /// <summary>The learner's progress in each course.</summary>
    Task<IReadOnlyList<LmsCourseProgress>> ProgressAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken);
}
