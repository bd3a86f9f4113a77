using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.HelpDesk;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>HPCC and State Homeless Prevention access reaches step 4 through the Help Desk, without the assignment.</summary>
public sealed class HelpDeskRouteTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    private async Task<(Guid Person, Guid Request)> ApproveAsync(params ProjectType[] projectTypes)
    {
        var (person, request) = await _accounts.ApproveAsync("Hana", "Prevent", projectTypes: projectTypes);
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Applicants.AnyAsync(a => a.PersonId == person)), known => known);
        return (person, request);
    }

    /// <summary>Training complete for Help Desk access: Assessment waives the assignment for the Help Desk.</summary>
    private async Task<(Guid Person, Guid Request)> TrainedAsync(params ProjectType[] projectTypes)
    {
        var (person, request) = await ApproveAsync(projectTypes);
        await WaivedAsync(person, request, "HELP_DESK");
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Applicants.AnyAsync(a => a.PersonId == person && a.HelpDeskReadyAt != null)), ready => ready);
        return (person, request);
    }

    private Task WaivedAsync(Guid person, Guid request, string reason) =>
        service.Redis.PublishAsync(service.StreamOf(AssessmentWaived.Descriptor), new AssessmentWaived
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = person.ToString(), AccessRequestId = request.ToString(), AgencyId = TestTokens.DefaultAgencyId, Reason = reason,
        });

    private Task<NotifyHelpDeskResponse> NotifyAsync(string token, Guid person, Guid request) =>
        _accounts.As(token).NotifyHelpDeskAsync(new NotifyHelpDeskRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.ToString(), PersonId = person.ToString() }).ResponseAsync;

    private Task<GrantHelpDeskAccessResponse> GrantAsync(string token, Guid person, Guid request) =>
        _accounts.As(token).GrantHelpDeskAccessAsync(new GrantHelpDeskAccessRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.ToString(), PersonId = person.ToString() }).ResponseAsync;

    [Fact]
    public async Task HpccAccess_NotifiedByTheAta_GrantedByTheHelpDesk_ReachesTheAgreementWithoutAnAssignment()
    {
        var (person, request) = await TrainedAsync(ProjectType.Hpcc, ProjectType.StateHomelessPrevention);

        await NotifyAsync(ActiveAccounts.Ata, person, request);
        var queue = await _accounts.As(TestTokens.HmisTeam()).ListHelpDeskRequestsAsync(new ListHelpDeskRequestsRequest());
        Assert.Contains(queue.Notifications, n => n.PersonId == person.ToString() && n.GrantedAt is null);
        Assert.Single(await service.Redis.WaitForAsync<HelpDeskNotified>(service.StreamOf(HelpDeskNotified.Descriptor), e => e.PersonId == person.ToString()));
        var granted = await GrantAsync(TestTokens.HmisTeam(), person, request);
        var again = await GrantAsync(TestTokens.HmisTeam(), person, request);

        Assert.Equal(AccountStatus.PendingAgreement, granted.Account.Status);
        Assert.NotNull(granted.Notification.GrantedAt);
        Assert.Equal(granted.Account.Id, again.Account.Id);
        Assert.Equal(1, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.PersonId == person)));
        var pending = await Eventually.ReturnsAsync(
            () => service.Redis.ReadAllAsync<AccountPendingAgreement>(service.StreamOf(AccountPendingAgreement.Descriptor)),
            events => events.Any(e => e.AccountId == granted.Account.Id));
        Assert.Single(pending, e => e.AccountId == granted.Account.Id);
    }

    [Fact]
    public async Task OtherProjectTypes_CannotTakeTheHelpDeskRoute()
    {
        var (person, request) = await ApproveAsync(ProjectType.Hpcc, ProjectType.EmergencyShelter);

        var error = await RpcErrors.CatchAsync(() => NotifyAsync(ActiveAccounts.Ata, person, request));

        Assert.Equal((StatusCode.FailedPrecondition, HelpDeskRequest.RouteNotAllowedReason), (error.StatusCode, error.Reason()));
        var grant = await RpcErrors.CatchAsync(() => GrantAsync(TestTokens.HmisTeam(), person, request));
        Assert.Equal(HelpDeskRequest.NotNotifiedReason, grant.Reason());
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task OnlyTheAtaNotifies_AndOnlyTheHelpDeskGrants()
    {
        var (person, request) = await TrainedAsync(ProjectType.Hpcc);

        var bySystem = await RpcErrors.CatchAsync(() => NotifyAsync(TestTokens.Issue(), person, request));
        await NotifyAsync(TestTokens.Person(Guid.NewGuid(), Caller.SupervisorRole), person, request);
        var byAta = await RpcErrors.CatchAsync(() => GrantAsync(ActiveAccounts.Ata, person, request));

        Assert.Equal((StatusCode.PermissionDenied, HelpDeskRequest.OnlyTheAtaNotifiesReason), (bySystem.StatusCode, bySystem.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, HelpDeskRequest.OnlyTheHelpDeskGrantsReason), (byAta.StatusCode, byAta.Reason()));
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task TheHelpDesk_IsNotifiedOnlyOnceTheTrainingIsComplete()
    {
        var (person, request) = await ApproveAsync(ProjectType.Hpcc);

        var early = await RpcErrors.CatchAsync(() => NotifyAsync(ActiveAccounts.Ata, person, request));
        await WaivedAsync(person, request, "HELP_DESK");
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Applicants.AnyAsync(a => a.PersonId == person && a.HelpDeskReadyAt != null)), ready => ready);
        var notified = await NotifyAsync(ActiveAccounts.Ata, person, request);

        Assert.Equal((StatusCode.FailedPrecondition, HelpDeskRequest.TrainingNotCompleteReason), (early.StatusCode, early.Reason()));
        Assert.NotNull(notified.Notification.NotifiedAt);
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.PersonId == person)));
    }

    [Fact]
    public async Task TheHelpDesksQueue_IsTheHmisTeams()
    {
        var refused = await RpcErrors.CatchAsync(() => _accounts.As(ActiveAccounts.Ata).ListHelpDeskRequestsAsync(new ListHelpDeskRequestsRequest()).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "HMIS_TEAM_ONLY"), (refused.StatusCode, refused.Reason()));
    }

    [Theory]
    [InlineData("WAIVED_AT_APPROVAL")]
    [InlineData("NO_DATA_ENTRY")]
    [InlineData("NO_PROJECT_COURSE")]
    public async Task AnyOtherWaiver_MakesTheAccountAtOnce_WaitingForTheAgreement(string reason)
    {
        var (person, request) = await ApproveAsync(ProjectType.CoordinatedEntry1474);

        await WaivedAsync(person, request, reason);

        var account = await Eventually.ReturnsAsync(
            () => service.QueryAsync(db => db.Accounts.SingleOrDefaultAsync(a => a.PersonId == person)), a => a is not null);
        Assert.Equal((Credentialing.Domain.Accounts.AccountStatus.PendingAgreement, Credentialing.Domain.Accounts.AccountRoute.AssessmentWaived), (account!.Status, account.Route));
    }
}
