using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Training.Domain.LearningPaths;
using Course = HmisPlatform.Training.Domain.Catalog.Course;
using LearningPath = HmisPlatform.Training.Domain.LearningPaths.LearningPath;

namespace HmisPlatform.Training.Grpc;

/// <summary>Domain objects to contract messages and events.</summary>
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
        Kind = (Hmis.Training.V1.CourseKind)(int)course.Kind,
        ValidityMonths = course.ValidityMonths,
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
            ReadOnly = path.ReadOnly,
            HelpDeskOnly = PathShape.IsHelpDeskOnly(path.ProjectTypes),
            AssessmentWaived = path.AssessmentWaived,
            NoDataEntry = path.NoDataEntry,
            Courses =
            {
                path.Courses.Where(c => c.IsComplete).OrderBy(c => c.Position).Select(c => new CompletedCourse
                {
                    CourseCode = c.CourseCode,
                    Kind = Domain.Catalog.CourseCatalog.Find(c.CourseCode).Kind switch
                    {
                        Domain.Catalog.CourseKind.Prerequisite => CompletedCourseKind.Introduction,
                        Domain.Catalog.CourseKind.Core => CompletedCourseKind.DataManagement,
                        Domain.Catalog.CourseKind.ProjectSpecific => CompletedCourseKind.Project,
                        Domain.Catalog.CourseKind.Role => CompletedCourseKind.Role,
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

    public static Hmis.Training.V1.LmsAccount ToMessage(this Domain.LmsAccounts.LmsAccount account) => new()
    {
        Id = account.Id.ToString(),
        PersonId = account.PersonId.ToString(),
        Email = account.Email,
        Username = account.Username,
        Status = account.Status,
        DuplicateOf = account.DuplicateOf?.ToString() ?? "",
        PersonalEmail = account.PersonalEmail,
        RegisteredAt = Timestamp.FromDateTimeOffset(account.RegisteredAt),
    };

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
