using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>
/// Where the assignment does not apply, completed training goes on to step 4 with the reason, instead of waiting for an
/// assignment that never opens: Help Desk access, a waiver at approval, no client data entry, no scenario for the path.
/// </summary>
public sealed class WaiverTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private async Task<AssessmentWaived> WaivedAsync(TrainingCompleted completed)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), completed);
        return Assert.Single(await service.Redis.WaitForAsync<AssessmentWaived>(service.StreamOf(AssessmentWaived.Descriptor), e => e.PersonId == completed.PersonId));
    }

    [Theory]
    [InlineData("HELP_DESK")]
    [InlineData("WAIVED_AT_APPROVAL")]
    [InlineData("NO_DATA_ENTRY")]
    public async Task TrainingThatTakesNoAssignment_IsWaivedWithItsReason_AndNoAssignmentOpens(string reason)
    {
        var person = Guid.NewGuid();
        var completed = Trainees.Completed(person, projectTypes: reason == "HELP_DESK" ? [ProjectType.Hpcc] : [ProjectType.EmergencyShelter],
            helpDeskOnly: reason == "HELP_DESK", assessmentWaived: reason == "WAIVED_AT_APPROVAL", noDataEntry: reason == "NO_DATA_ENTRY");

        var waived = await WaivedAsync(completed);

        Assert.Equal(reason, waived.Reason);
        Assert.False(await service.QueryAsync(db => db.Assignments.AnyAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task CoordinatedEntry1474Alone_HasNoProjectCourse_SoItIsWaived_NotStranded()
    {
        var person = Guid.NewGuid();

        var completed = Trainees.Completed(person, projectTypes: [ProjectType.CoordinatedEntry1474]);
        completed.Courses[2].Kind = CompletedCourseKind.Role;

        var waived = await WaivedAsync(completed);

        Assert.Equal("NO_PROJECT_COURSE", waived.Reason);
    }

    [Fact]
    public async Task ReportingOnly_CannotJoinTheLine_ForTheAssignmentIsForDataEntry()
    {
        var person = Guid.NewGuid();
        var completed = Trainees.Completed(person, noDataEntry: true);
        await WaivedAsync(completed);

        var refused = await RpcErrors.CatchAsync(() => new SampleClientAssignments.SampleClientAssignmentsClient(service.TraineeChannel(person.ToString()))
            .JoinWaitlistAsync(new JoinWaitlistRequest { RequestId = Guid.NewGuid().ToString(), PersonId = person.ToString(), AccessRequestId = completed.AccessRequestId }).ResponseAsync);

        Assert.Equal("PREREQUISITE_NOT_MET", refused.Reason());
        Assert.Contains(refused.PreconditionViolations(), v => v.Type == "DATA_ENTRY_ACCESS");
    }
}
