using Google.Protobuf.WellKnownTypes;
using Hmis.Training.V1;
using HmisPlatform.Training.Contracts;
using Course = HmisPlatform.Training.Domain.Catalog.Course;
using LearningPath = HmisPlatform.Training.Domain.LearningPaths.LearningPath;

namespace HmisPlatform.Training.Grpc;

/// <summary>Domain objects to the contract's messages.</summary>
internal static class MessageMapping
{
    public static Hmis.Training.V1.LearningPath ToMessage(this LearningPath path, IReadOnlyDictionary<string, Course> catalog) => new()
    {
        PersonId = path.PersonId.ToString(),
        AccessRequestId = path.AccessRequestId.ToString(),
        EnrolledAt = Timestamp.FromDateTimeOffset(path.EnrolledAt),
        CompletedAt = Stamp(path.CompletedAt),
        ReadOnly = path.ReadOnly,
        ReminderDueAt = Timestamp.FromDateTimeOffset(path.ReminderDueAt),
        ExpiredAt = Stamp(path.ExpiredAt),
        Courses = { path.Courses.OrderBy(c => c.Position).Select(c => new Hmis.Training.V1.PathCourse
        {
            CourseCode = c.CourseCode,
            Title = catalog.TryGetValue(c.CourseCode, out var course) ? course.Title : c.CourseCode,
            Percent = c.Percent,
            CompletedAt = Stamp(c.CompletedAt),
            ValidUntil = Stamp(c.ValidUntil),
            CarriedOver = c.CarriedOver,
            ExpiredAt = Stamp(c.ExpiredAt),
            Status = c.IsComplete ? CourseStatus.Complete
                : c.ExpiredAt is not null && c.Percent == 0 ? CourseStatus.Expired
                : path.IsRestricted(c) ? CourseStatus.Restricted
                : c.Percent > 0 ? CourseStatus.InProgress
                : CourseStatus.NotStarted,
        }) },
    };

    public static Hmis.Training.V1.Course ToMessage(this Course course) => new()
    {
        Code = course.Code,
        Title = course.Title,
        Kind = course.Kind.ToContract(),
        ValidityMonths = course.ValidityMonths,
    };

    public static Hmis.Training.V1.LmsAccount ToMessage(this Domain.LmsAccounts.LmsAccount account) => new()
    {
        Id = account.Id.ToString(),
        PersonId = account.PersonId.ToString(),
        Email = account.Email,
        Username = account.Username,
        Status = account.Status.ToContract(),
        DuplicateOf = account.DuplicateOf?.ToString() ?? "",
        PersonalEmail = account.PersonalEmail,
        RegisteredAt = Timestamp.FromDateTimeOffset(account.RegisteredAt),
    };

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
