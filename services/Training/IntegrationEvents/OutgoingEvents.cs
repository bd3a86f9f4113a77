using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Training.Contracts;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LearningPaths;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>The integration events Training publishes, built from its domain objects.</summary>
internal static class OutgoingEvents
{
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
            ProjectTypes = { path.ProjectTypes.ToContract() },
            ReadOnly = path.ReadOnly,
            HelpDeskOnly = PathShape.IsHelpDeskOnly(path.ProjectTypes),
            AssessmentWaived = path.AssessmentWaived,
            NoDataEntry = path.NoDataEntry,
            Courses =
            {
                path.Courses.Where(c => c.IsComplete).OrderBy(c => c.Position).Select(c => new CompletedCourse
                {
                    CourseCode = c.CourseCode,
                    Kind = CourseCatalog.Find(c.CourseCode).Kind switch
                    {
                        CourseKind.Prerequisite => CompletedCourseKind.Introduction,
                        CourseKind.Core => CompletedCourseKind.DataManagement,
                        CourseKind.ProjectSpecific => CompletedCourseKind.Project,
                        CourseKind.Role => CompletedCourseKind.Role,
                        _ => CompletedCourseKind.Final,
                    },
                    CompletedAt = Timestamp.FromDateTimeOffset(c.CompletedAt!.Value),
                }),
            },
        };
    }

    public static TrainingExpired Expiry(this LearningPath path, PathExpiry expiry, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new TrainingExpired
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = path.PersonId.ToString(),
            AccessRequestId = path.AccessRequestId.ToString(),
            AgencyId = path.AgencyId.ToString(),
            CourseCodes = { expiry.CourseCodes },
            WholePath = expiry.WholePath,
        };
    }

    public static TrainingReminderDue Reminder(this LearningPath path, IReadOnlyList<string> coursesLeft, DateTimeOffset now)
    {
        var (eventId, occurredAt) = EventOutbox.Stamp(now);
        return new TrainingReminderDue
        {
            EventId = eventId,
            OccurredAt = occurredAt,
            PersonId = path.PersonId.ToString(),
            AccessRequestId = path.AccessRequestId.ToString(),
            AgencyId = path.AgencyId.ToString(),
            CoursesLeft = { coursesLeft },
        };
    }
}
