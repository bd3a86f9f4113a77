using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>Trainees as the Assessment service meets them: their completed training, their assignment, their records.</summary>
internal static class Trainees
{
    /// <summary>Training completed for the project types, every course of it <paramref name="completedAgo"/> ago (a day by default).</summary>
    public static TrainingCompleted Completed(Guid person, Guid? accessRequest = null, ProjectType[]? projectTypes = null, TimeSpan? completedAgo = null,
        bool readOnly = false, bool helpDeskOnly = false, bool assessmentWaived = false, bool noDataEntry = false)
    {
        var types = projectTypes ?? [ProjectType.EmergencyShelter];
        var completedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow - (completedAgo ?? TimeSpan.FromDays(1)));
        return new TrainingCompleted
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = person.ToString(),
            AccessRequestId = (accessRequest ?? Guid.NewGuid()).ToString(), AgencyId = TestTokens.DefaultAgencyId, ProjectTypes = { types },
            ReadOnly = readOnly, HelpDeskOnly = helpDeskOnly, AssessmentWaived = assessmentWaived, NoDataEntry = noDataEntry,
            Courses =
            {
                new CompletedCourse { CourseCode = "INTRO", Kind = CompletedCourseKind.Introduction, CompletedAt = completedAt },
                new CompletedCourse { CourseCode = "DATA_MGMT", Kind = CompletedCourseKind.DataManagement, CompletedAt = completedAt },
                types.Select(t => new CompletedCourse { CourseCode = $"PROJECT_{(int)t}", Kind = CompletedCourseKind.Project, CompletedAt = completedAt }),
            },
        };
    }

    public static async Task<Assignment?> ReadAsync(SampleClientAssignments.SampleClientAssignmentsClient client, Guid person)
    {
        try
        {
            return (await client.GetAssignmentAsync(new GetAssignmentRequest { PersonId = person.ToString() })).Assignment;
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>The record a careful trainee enters for the assignment's next attempt, as HMIS staff read it.</summary>
    public static async Task<SampleClientRecord> ModelRecordAsync(this SampleClientAssignments.SampleClientAssignmentsClient staff, Assignment assignment) =>
        (await staff.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id })).Record;

    /// <summary>A record with one major error (the birth date): corrections needed.</summary>
    public static SampleClientRecord WithWrongBirthDate(this SampleClientRecord model)
    {
        var record = model.Clone();
        record.Client.DateOfBirth = "1900-01-01";
        return record;
    }

    /// <summary>A record enrolled in the wrong project: one critical error.</summary>
    public static SampleClientRecord InWrongProject(this SampleClientRecord model)
    {
        var record = model.Clone();
        record.Enrollment.ProjectType = record.Enrollment.ProjectType == ProjectType.ServicesOnly ? ProjectType.Ssvf : ProjectType.ServicesOnly;
        return record;
    }
}
