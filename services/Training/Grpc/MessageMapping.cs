using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Training.Domain.Catalog;
using LearningPath = HmisPlatform.Training.Domain.LearningPaths.LearningPath;

namespace HmisPlatform.Training.Grpc;

/// <summary>Domain objects to contract messages and events.</summary>
internal static class MessageMapping
{
    public static Hmis.Training.V1.LearningPath ToMessage(this LearningPath path) => new()
    {
        PersonId = path.PersonId.ToString(),
        AccessRequestId = path.AccessRequestId.ToString(),
        EnrolledAt = Timestamp.FromDateTimeOffset(path.EnrolledAt),
        CompletedAt = path.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        Courses = { path.Courses.OrderBy(c => c.Position).Select(c => new PathCourse
        {
            CourseCode = c.CourseCode,
            Title = CourseCatalog.Find(c.CourseCode).Title,
            Percent = c.Percent,
            CompletedAt = c.CompletedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Status = c.IsComplete ? CourseStatus.Complete
                : path.IsRestricted(c) ? CourseStatus.Restricted
                : c.Percent > 0 ? CourseStatus.InProgress
                : CourseStatus.NotStarted,
        }) },
    };

    public static TrainingEnrolled Enrolment(this LearningPath path, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new TrainingEnrolled
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = path.PersonId.ToString(),
            AccessRequestId = path.AccessRequestId.ToString(),
            CourseCodes = { path.Courses.OrderBy(c => c.Position).Select(c => c.CourseCode) },
        };
    }

    public static TrainingCompleted Completion(this LearningPath path, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new TrainingCompleted
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = path.PersonId.ToString(),
            AccessRequestId = path.AccessRequestId.ToString(),
            AgencyId = path.AgencyId.ToString(),
            ProjectTypes = { path.ProjectTypes },
        };
    }
}
