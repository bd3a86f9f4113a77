using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>Sign-up prerequisites, on completed training and on a trainee's JoinWaitlist.</summary>
public sealed class PrerequisitesTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private async Task DeliverAsync(TrainingCompleted completed)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), completed);
        var eventId = Guid.Parse(completed.EventId);
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Set<InboxEntry>().AnyAsync(e => e.EventId == eventId)), seen => seen);
    }

    private Task<JoinWaitlistResponse> JoinAsync(TrainingCompleted completed, string? token = null)
    {
        var client = token is null ? service.Client : new SampleClientAssignments.SampleClientAssignmentsClient(service.ChannelWithToken(token));
        return client.JoinWaitlistAsync(new JoinWaitlistRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = completed.PersonId, AccessRequestId = completed.AccessRequestId,
        }).ResponseAsync;
    }

    [Fact]
    public async Task ProjectCourseOlderThanThreeMonths_OpensNoAssignment_AndJoiningSaysWhichCourseExpired()
    {
        var completed = Trainees.Completed(Guid.NewGuid(), completedAgo: TimeSpan.FromDays(100));
        completed.Courses[0].CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-5));
        completed.Courses[1].CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-5));
        await DeliverAsync(completed);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(completed));

        Assert.False(await service.QueryAsync(db => db.Assignments.AnyAsync(a => a.PersonId == Guid.Parse(completed.PersonId))));
        Assert.Equal((StatusCode.FailedPrecondition, "PREREQUISITE_EXPIRED"), (error.StatusCode, error.Reason()));
        Assert.Equal([$"PROJECT_{(int)completed.ProjectTypes[0]}"], error.PreconditionViolations().Select(v => v.Subject));
    }

    [Fact]
    public async Task TransferTakingOnlyTheProjectCourse_CountsTheFoundationOfTheEarlierRequest_AndOpensItsAssignment()
    {
        var person = Guid.NewGuid();
        var earlier = Trainees.Completed(person, completedAgo: TimeSpan.FromDays(40));
        await DeliverAsync(earlier);
        var transfer = Trainees.Completed(person, projectTypes: [Hmis.Common.V1.ProjectType.OutreachPath]);
        transfer.Courses.RemoveAt(0);
        transfer.Courses.RemoveAt(0);

        await DeliverAsync(transfer);

        var assignments = await service.QueryAsync(db => db.Assignments.Where(a => a.PersonId == person).Select(a => a.AccessRequestId).ToListAsync());
        Assert.Equivalent(new[] { Guid.Parse(earlier.AccessRequestId), Guid.Parse(transfer.AccessRequestId) }, assignments, strict: true);
    }

    [Fact]
    public async Task TransferTakingOnlyTheProjectCourse_WithAnEarlierFoundationOlderThanSixMonths_IsExpired()
    {
        var person = Guid.NewGuid();
        await DeliverAsync(Trainees.Completed(person, completedAgo: TimeSpan.FromDays(200)));
        var transfer = Trainees.Completed(person, projectTypes: [Hmis.Common.V1.ProjectType.OutreachPath]);
        transfer.Courses.RemoveAt(0);
        transfer.Courses.RemoveAt(0);
        await DeliverAsync(transfer);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(transfer));

        Assert.Equal("PREREQUISITE_EXPIRED", error.Reason());
        Assert.Equal(["INTRO", "DATA_MGMT"], error.PreconditionViolations().Select(v => v.Subject));
    }

    [Fact]
    public async Task FoundationOlderThanSixMonths_IsExpired_OneViolationPerCourse()
    {
        var completed = Trainees.Completed(Guid.NewGuid(), completedAgo: TimeSpan.FromDays(200));
        completed.Courses[2].CompletedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-5));
        await DeliverAsync(completed);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(completed));

        Assert.Equal("PREREQUISITE_EXPIRED", error.Reason());
        Assert.Equal(["INTRO", "DATA_MGMT"], error.PreconditionViolations().Select(v => v.Subject));
    }

    [Fact]
    public async Task ReadOnlyAccess_JoiningIsNotMet_ForDataEntry()
    {
        var completed = Trainees.Completed(Guid.NewGuid(), readOnly: true);
        await DeliverAsync(completed);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(completed));

        Assert.Equal((StatusCode.FailedPrecondition, "PREREQUISITE_NOT_MET"), (error.StatusCode, error.Reason()));
        Assert.Equal("DATA_ENTRY_ACCESS", Assert.Single(error.PreconditionViolations()).Type);
    }

    [Fact]
    public async Task NoProjectCourse_JoiningIsNotMet()
    {
        var completed = Trainees.Completed(Guid.NewGuid());
        completed.Courses.RemoveAt(2);
        await DeliverAsync(completed);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(completed));

        Assert.Equal("PREREQUISITE_NOT_MET", error.Reason());
        Assert.Equal("project course", Assert.Single(error.PreconditionViolations()).Subject);
    }

    [Fact]
    public async Task RecentTraining_OpensTheAssignment_AndTheTraineeJoiningAgainGetsTheSameOne()
    {
        var person = Guid.NewGuid();
        var completed = Trainees.Completed(person);
        await DeliverAsync(completed);

        var joined = (await JoinAsync(completed, TestTokens.Person(person, Caller.TraineeRole))).Assignment;
        var again = (await JoinAsync(completed)).Assignment;

        Assert.Equal(AssignmentStatus.Seated, joined.Status);
        Assert.Equal(joined.Id, again.Id);
        Assert.Equal(1, await service.QueryAsync(db => db.Assignments.CountAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task AnotherAgency_CannotJoinSomeoneElsesTrainee()
    {
        var completed = Trainees.Completed(Guid.NewGuid());
        await DeliverAsync(completed);

        var error = await RpcErrors.CatchAsync(() => JoinAsync(completed, TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));

        Assert.Equal((StatusCode.PermissionDenied, "NOT_AVAILABLE"), (error.StatusCode, error.Reason()));
    }
}
