using Hmis.Assessment.V1;
using Hmis.Events.V1;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>The Assessment service with its default eight seats, as deployed.</summary>
public sealed class EightSeatFixture : ServiceFixture<Program, AssessmentDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.AssessmentDb;

    public SampleClientAssignments.SampleClientAssignmentsClient Client => new(Channel);
}

/// <summary>Eight seats, and the line behind them, with two instances of the service competing for the same events and calls.</summary>
public sealed class TwoReplicaSeatingTests(EightSeatFixture service) : IClassFixture<EightSeatFixture>
{
    [Fact]
    public async Task NinthAndTenthTrainees_Wait_ThenTakeTheTwoSeatsFreedAtOnceOnTwoReplicas_EachOnce()
    {
        var replicaChannel = await service.StartReplicaAsync();
        var replica = new SampleClientAssignments.SampleClientAssignmentsClient(replicaChannel(null));
        var staff = new SampleClientAssignments.SampleClientAssignmentsClient(service.HmisTeamChannel);
        var people = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();

        // Both instances consume the completions; the line is in order of joining either way.
        foreach (var person in people)
        {
            await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), Trainees.Completed(person));
            await Eventually.ReturnsAsync(() => Trainees.ReadAsync(service.Client, person), a => a is not null);
        }
        var before = await Task.WhenAll(people.Select(p => Trainees.ReadAsync(service.Client, p)));

        // Two seats are freed at the same moment, one through each instance.
        var (first, second) = (before[0]!, before[1]!);
        var models = await Task.WhenAll(staff.ModelRecordAsync(first), staff.ModelRecordAsync(second));
        await Task.WhenAll(
            new SampleClientAssignments.SampleClientAssignmentsClient(service.TraineeChannel(first.PersonId))
                .SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = first.Id, Record = models[0] }).ResponseAsync,
            new SampleClientAssignments.SampleClientAssignmentsClient(replicaChannel(TestTokens.Person(Guid.Parse(second.PersonId), "trainee")))
                .SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = second.Id, Record = models[1] }).ResponseAsync);

        Assert.Equal(Enumerable.Repeat(AssignmentStatus.Seated, 8), before.Take(8).Select(a => a!.Status));
        Assert.Equal([(AssignmentStatus.Waiting, 1), (AssignmentStatus.Waiting, 2)], before.Skip(8).Select(a => (a!.Status, a.WaitlistPosition)));
        var after = await Task.WhenAll(people.Skip(8).Select(p => Trainees.ReadAsync(replica, p)));
        Assert.All(after, a => Assert.Equal(AssignmentStatus.Seated, a!.Status));
        Assert.Equal(8, await service.QueryAsync(db => db.Assignments.CountAsync(a => a.Status == Assessment.Domain.Assignments.AssignmentStatus.Seated)));
        var waiting = people.Skip(8).Select(p => p.ToString()).ToHashSet();
        await service.OutboxSentAsync();
        var scheduled = await service.Redis.ReadAllAsync<AssessmentScheduled>(service.StreamOf(AssessmentScheduled.Descriptor));
        Assert.Equal(2, scheduled.Count(e => waiting.Contains(e.PersonId)));
        Assert.Equal(10, scheduled.Select(e => e.PersonId).Distinct().Count());
    }
}
