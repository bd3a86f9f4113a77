using Grpc.Core;
using Hmis.Assessment.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>Seats that end soon, soonest first, for the HMIS team's overview and the agency's own.</summary>
public sealed class ExpiringAssignmentsTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    private SampleClientAssignments.SampleClientAssignmentsClient Staff => new(service.HmisTeamChannel);

    private async Task<Assignment> SeatedEndingInAsync(TimeSpan endsIn)
    {
        var person = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), Trainees.Completed(person));
        var seated = await Eventually.ReturnsAsync(() => Trainees.ReadAsync(service.Client, person), a => a is { Status: AssignmentStatus.Seated });
        var endsAt = DateTimeOffset.UtcNow + endsIn;
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE assignments SET expires_at = {endsAt} WHERE id = {Guid.Parse(seated!.Id)}"));
        return seated!;
    }

    [Fact]
    public async Task SeatsEndingWithinTheDays_AreListedSoonestFirst_WithTheirTotal()
    {
        var later = await SeatedEndingInAsync(TimeSpan.FromHours(40));
        var soonest = await SeatedEndingInAsync(TimeSpan.FromHours(10));
        var notYet = await SeatedEndingInAsync(TimeSpan.FromDays(6));

        var withinTwoDays = await Staff.ListExpiringAssignmentsAsync(new ListExpiringAssignmentsRequest { WithinDays = 2 });
        var firstOnly = await Staff.ListExpiringAssignmentsAsync(new ListExpiringAssignmentsRequest { WithinDays = 2, PageSize = 1 });
        var otherAgency = await new SampleClientAssignments.SampleClientAssignmentsClient(
            service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString()))).ListExpiringAssignmentsAsync(new ListExpiringAssignmentsRequest { WithinDays = 10 });

        Assert.Equal([soonest.Id, later.Id], withinTwoDays.Assignments.Select(a => a.AssignmentId));
        Assert.Equal(2, withinTwoDays.Total);
        Assert.All(withinTwoDays.Assignments, a => Assert.Equal(3, a.MaxFailedAttempts));
        Assert.Equal(soonest.Id, Assert.Single(firstOnly.Assignments).AssignmentId);
        Assert.Equal(2, firstOnly.Total);
        Assert.DoesNotContain(notYet.Id, withinTwoDays.Assignments.Select(a => a.AssignmentId));
        Assert.Equal(0, otherAgency.Total);
    }

    [Fact]
    public async Task AWindowLongerThanASeat_IsRefused()
    {
        var error = await RpcErrors.CatchAsync(() => Staff.ListExpiringAssignmentsAsync(new ListExpiringAssignmentsRequest { WithinDays = 11 }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "EXPIRY_WINDOW_INVALID"), (error.StatusCode, error.Reason()));
        Assert.Equal(["within_days"], error.ViolatedFields());
    }
}
