using HmisPlatform.Training.Domain.Lms;

namespace HmisPlatform.Training.Infrastructure.Lms;

/// <summary>The built-in mode for local runs: the LMS is outside; its progress reaches the API through RecordCourseProgress.</summary>
public sealed class BuiltInLms : ILmsConnector
{
    public bool ReportsProgress => false;

    public Task EnrolAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<LmsCourseProgress>> ProgressAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LmsCourseProgress>>([]);
}
