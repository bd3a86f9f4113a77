using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Infrastructure;
using HmisPlatform.Assessment.IntegrationEvents;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AssignmentStatus = Hmis.Assessment.V1.AssignmentStatus;
using AttemptOutcome = Hmis.Assessment.V1.AttemptOutcome;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>The Assessment service with two seats, so the line forms at once.</summary>
public sealed class TwoSeatFixture : ServiceFixture<Program, AssessmentDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.AssessmentDb;

    public SampleClientAssignments.SampleClientAssignmentsClient Client => new(Channel);

    // One critical finding (the wrong project) sends the trainee back to training here, so the redo can be tested.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Assessment:Seats"] = "2",
        ["Assessment:Grading:CriticalForRedoTraining"] = "1",
    };
}

/// <summary>Seats, the line, and expiry after 10 days or 3 failed attempts, through the API.</summary>
public sealed class WaitlistTests(TwoSeatFixture service) : IClassFixture<TwoSeatFixture>
{
    private async Task<Assignment> JoinAsync(Guid person, Guid? accessRequest = null)
    {
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), Trainees.Completed(person, accessRequest));
        return await Eventually.ReturnsAsync(() => ReadAsync(person), a => a is not null) ?? throw new InvalidOperationException();
    }

    private Task<Assignment?> ReadAsync(Guid person) => Trainees.ReadAsync(service.Client, person);

    private async Task<SubmitAttemptResponse> SubmitAsync(Assignment assignment, bool correct, bool wrongProject = false)
    {
        var model = await new SampleClientAssignments.SampleClientAssignmentsClient(service.HmisTeamChannel).ModelRecordAsync(assignment);
        var record = wrongProject ? model.InWrongProject() : correct ? model : model.WithWrongBirthDate();
        return await new SampleClientAssignments.SampleClientAssignmentsClient(service.TraineeChannel(assignment.PersonId))
            .SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = assignment.Id, Record = record });
    }

    private AssignmentExpirySweep SweepAt(DateTimeOffset at) => new(
        service.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(at), Options.Create(new AssessmentPolicy { Seats = 2 }),
        service.Services.GetRequiredService<OutboxSignal>(), NullLogger<AssignmentExpirySweep>.Instance);

    private Task EmptyTheSeatsAsync() =>
        service.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE assignments SET status = 2 WHERE status IN (1, 3)"));

    [Fact]
    public async Task ThirdTrainee_Waits_AndTakesTheSeatAPassFrees_Once()
    {
        await EmptyTheSeatsAsync();
        var first = await JoinAsync(Guid.NewGuid());
        await JoinAsync(Guid.NewGuid());
        var third = Guid.NewGuid();
        var waiting = await JoinAsync(third);

        await SubmitAsync(first, correct: true);
        var seated = await ReadAsync(third);

        Assert.Equal((AssignmentStatus.Waiting, 1), (waiting.Status, waiting.WaitlistPosition));
        Assert.True(waiting.ExpectedWait.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(AssignmentStatus.Seated, seated!.Status);
        Assert.NotNull(seated.ExpiresAt);
        var scheduled = await service.Redis.WaitForAsync<AssessmentScheduled>(service.StreamOf(AssessmentScheduled.Descriptor), e => e.PersonId == third.ToString());
        Assert.Single(scheduled);
    }

    [Fact]
    public async Task FreedSeats_WithTwoReplicasSweeping_GoEachToOneTraineeOnce()
    {
        await EmptyTheSeatsAsync();
        var seated = new[] { await JoinAsync(Guid.NewGuid()), await JoinAsync(Guid.NewGuid()) };
        var waiting = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var person in waiting)
        {
            await JoinAsync(person);
        }
        var later = seated.Max(a => a.ExpiresAt.ToDateTimeOffset()).AddMinutes(1);

        var expired = await Task.WhenAll(SweepAt(later).RunOnceAsync(default), SweepAt(later).RunOnceAsync(default));

        Assert.Equal(2, expired.Sum());
        var states = await Task.WhenAll(waiting.Select(ReadAsync));
        Assert.Equal([AssignmentStatus.Seated, AssignmentStatus.Seated, AssignmentStatus.Waiting], states.Select(a => a!.Status));
        Assert.Equal(1, states[2]!.WaitlistPosition);
        await service.OutboxSentAsync();
        Assert.Equal(2, (await service.Redis.ReadAllAsync<AssessmentScheduled>(service.StreamOf(AssessmentScheduled.Descriptor)))
            .Count(e => waiting.Take(2).Select(w => w.ToString()).Contains(e.PersonId)));
        var expiries = await service.Redis.WaitForAsync<AssessmentExpired>(service.StreamOf(AssessmentExpired.Descriptor), e => seated.Any(s => s.Id == e.AssignmentId), 2);
        Assert.All(expiries, e => Assert.Equal("TEN_DAYS", e.Reason));
    }

    /// <summary>
    /// Found by the journey simulator: a sweep that claimed its expired seats and then waited for seating's lock, while
    /// a consumer holding that lock freed one of those seats, deadlocked. Every seating transaction takes the lock first.
    /// </summary>
    [Fact]
    public async Task TheSweep_WaitsForSeatingsLockBeforeClaimingAnySeat_SoTheLocksHolderMayStillChangeThem()
    {
        await EmptyTheSeatsAsync();
        var seated = await JoinAsync(Guid.NewGuid());
        var seat = Guid.Parse(seated.Id);
        await using var filling = service.Services.CreateAsyncScope();
        var db = filling.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await filling.ServiceProvider.GetRequiredService<Seating>().LockAsync(default);

        var sweep = SweepAt(seated.ExpiresAt.ToDateTimeOffset().AddMinutes(1)).RunOnceAsync(default);
        await Eventually.ReturnsAsync(() => service.QueryAsync(q => q.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """).SingleAsync()), waiting => waiting > 0);
        // NOWAIT: had the sweep claimed the seat before waiting, this would fail at once (lock not available).
        var claimed = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM assignments WHERE id = {seat} FOR UPDATE NOWAIT").ToListAsync();
        await transaction.CommitAsync();

        Assert.Equal([seat], claimed);
        Assert.Equal(1, await sweep);
        Assert.Equal(AssignmentStatus.Expired, (await ReadAsync(Guid.Parse(seated.PersonId)))!.Status);
    }

    [Fact]
    public async Task ThreeFailedAttempts_ExpireTheAssignment_AndItTakesNoMore()
    {
        await EmptyTheSeatsAsync();
        var assignment = await JoinAsync(Guid.NewGuid());

        await SubmitAsync(assignment, correct: false);
        await SubmitAsync(assignment, correct: false);
        var third = await SubmitAsync(assignment, correct: false);
        var fourth = await RpcErrors.CatchAsync(() => SubmitAsync(assignment, correct: true));

        Assert.Equal((AssignmentStatus.Expired, 3, 3, "THREE_FAILED_ATTEMPTS"), (third.Assignment.Status, third.Assignment.FailedAttempts, third.Assignment.MaxFailedAttempts, third.Assignment.ExpiredReason));
        Assert.Equal("ASSIGNMENT_NOT_OPEN", fourth.Reason());
        Assert.Single(await service.Redis.WaitForAsync<AssessmentExpired>(service.StreamOf(AssessmentExpired.Descriptor), e => e.AssignmentId == assignment.Id));
    }

    [Fact]
    public async Task RedoTraining_SendsTheTraineeBack_AndTheyRejoinTheLineWhenTrainingIsCompleteAgain()
    {
        await EmptyTheSeatsAsync();
        var person = Guid.NewGuid();
        var accessRequest = Guid.NewGuid();
        var assignment = await JoinAsync(person, accessRequest);

        var redo = await SubmitAsync(assignment, correct: true, wrongProject: true);
        var sent = Assert.Single(await service.Redis.WaitForAsync<AssessmentRetrainingRequired>(service.StreamOf(AssessmentRetrainingRequired.Descriptor), e => e.PersonId == person.ToString()));
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), Trainees.Completed(person, accessRequest));
        var back = await Eventually.ReturnsAsync(() => ReadAsync(person), a => a is { Status: AssignmentStatus.Seated });

        Assert.Equal((AttemptOutcome.RedoTraining, AssignmentStatus.Retraining), (redo.Attempt.Outcome, redo.Assignment.Status));
        Assert.Equal(assignment.Id, sent.AssignmentId);
        Assert.Equal(assignment.Id, back!.Id);
        Assert.Equal(1, back.FailedAttempts);
    }

    [Fact]
    public async Task LapsedProjectCourse_WhileSeated_GivesTheSeatUp_ALapsedPathEndsTheAssignment()
    {
        await EmptyTheSeatsAsync();
        var (person, request) = (Guid.NewGuid(), Guid.NewGuid());
        await JoinAsync(person, request);
        var (other, otherRequest) = (Guid.NewGuid(), Guid.NewGuid());
        await JoinAsync(other, otherRequest);

        await Lapse(person, request, wholePath: false);
        await Lapse(other, otherRequest, wholePath: true);

        var backToTraining = await Eventually.ReturnsAsync(() => ReadAsync(person), a => a is { Status: AssignmentStatus.Retraining });
        var ended = await Eventually.ReturnsAsync(() => ReadAsync(other), a => a is { Status: AssignmentStatus.Expired });
        Assert.Equal("TRAINING_LAPSED", ended!.ExpiredReason);
        Assert.NotNull(backToTraining);

        Task Lapse(Guid who, Guid onRequest, bool wholePath) =>
            service.Redis.PublishAsync(service.StreamOf(TrainingExpired.Descriptor), new TrainingExpired
            {
                EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = who.ToString(),
                AccessRequestId = onRequest.ToString(), AgencyId = TestTokens.DefaultAgencyId, CourseCodes = { "ES_TH_SH" }, WholePath = wholePath,
            });
    }

    [Fact]
    public async Task HelpDeskOnlyAccess_HasTheStepWaived()
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor),
            Trainees.Completed(person, projectTypes: [ProjectType.Hpcc], helpDeskOnly: true));

        Assert.Single(await service.Redis.WaitForAsync<AssessmentWaived>(service.StreamOf(AssessmentWaived.Descriptor), e => e.PersonId == person.ToString()));
    }
}
