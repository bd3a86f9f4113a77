using Grpc.Core;
using Hmis.Notifications.V1;
using HmisPlatform.Notifications.Domain;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Notifications.Tests;

/// <summary>
/// The gateway's invitations: e-mailed to the invited person alone, with the link sealed until it is sent and never in
/// their inbox; sent once however often the gateway retries; asked for by the gateway's own identity and no one else.
/// </summary>
public sealed class InvitationTests(NotificationsFixture service) : IClassFixture<NotificationsFixture>
{
    private static string GatewayToken(string clientId = PlatformIdentity.GatewayClientId, string role = PlatformIdentity.PlatformServiceRole) =>
        TestTokens.Issue(scopes: [PlatformIdentity.NotificationsSendInvitation], agencyId: null, role: role, subject: clientId, clientId: clientId);

    private Invitations.InvitationsClient As(string token) => new(service.ChannelWithToken(token));

    private static SendInvitationRequest Invitation(Guid personId, string email) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        PersonId = personId.ToString(),
        Email = email,
        RoleTitle = "your agency's ATA",
        AgencyId = TestTokens.DefaultAgencyId,
        SetPasswordPath = $"/account/set-password?user={personId}&token=CfDJ8secret{personId:N}",
    };

    [Trait("ASVS", "6.4.1")]
    [Fact]
    public async Task Invitation_IsEmailedOnceWithItsLink_WhileTheInboxAndTheDatabaseNeverShowIt()
    {
        var person = Guid.NewGuid();
        var email = $"ata.{person:N}@lakeview.example.org";
        var request = Invitation(person, email);

        var first = await As(GatewayToken()).SendInvitationAsync(request);
        var retried = await As(GatewayToken()).SendInvitationAsync(request);
        var stored = await service.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientKey == person.ToString()));
        await service.Delivery.RunOnceAsync(CancellationToken.None);
        await service.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(first.NotificationId, retried.NotificationId);
        Assert.Equal(NotificationKinds.StaffInvited, stored.Kind);
        Assert.DoesNotContain(request.SetPasswordPath, stored.Subject + stored.Text + stored.Html + stored.SealedEmail, StringComparison.Ordinal);
        Assert.NotNull(stored.SealedEmail);
        var sent = Assert.Single(service.Smtp.To(email));
        Assert.Equal("Your HmisPlatform sign-in", sent.Subject);
        Assert.Contains("https://hmis.example.org" + request.SetPasswordPath, sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://hmis.example.org" + request.SetPasswordPath.Replace("&", "&amp;", StringComparison.Ordinal), sent.HtmlBody, StringComparison.Ordinal);
        Assert.Null(await service.QueryAsync(db => db.Notifications.Where(n => n.RecipientKey == person.ToString()).Select(n => n.SealedEmail).SingleAsync()));
        var inbox = (await service.As(TestTokens.Person(person, "ata")).ListNotificationsAsync(new ListNotificationsRequest())).Notifications.Single();
        Assert.Equal("Your HmisPlatform sign-in", inbox.Subject);
        Assert.DoesNotContain("set-password", inbox.Text, StringComparison.Ordinal);
    }

    [Trait("ASVS", "8.2.1")]
    [Fact]
    public async Task OnlyTheGatewaysOwnIdentity_SendsInvitations()
    {
        var person = Guid.NewGuid();
        var request = Invitation(person, $"x.{person:N}@lakeview.example.org");

        var hmisTeam = await RpcErrors.CatchAsync(() => As(TestTokens.HmisTeam()).SendInvitationAsync(request).ResponseAsync);
        var otherService = await RpcErrors.CatchAsync(() => As(GatewayToken(clientId: ResourceNames.RequestsApi)).SendInvitationAsync(request).ResponseAsync);
        var notAService = await RpcErrors.CatchAsync(() => As(GatewayToken(role: PlatformIdentity.HmisTeamRole)).SendInvitationAsync(request).ResponseAsync);
        var person_ = await RpcErrors.CatchAsync(() => As(TestTokens.Person(person, "ata")).SendInvitationAsync(request).ResponseAsync);

        Assert.All([hmisTeam, otherService, notAService, person_], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.False(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientKey == person.ToString())));
    }

    [Fact]
    public async Task BadInvitation_IsRefusedNamingTheField_AndKeepsNothing()
    {
        var person = Guid.NewGuid();
        var offSite = Invitation(person, $"y.{person:N}@lakeview.example.org");
        offSite.SetPasswordPath = "https://evil.example/account/set-password?token=x";
        var badEmail = Invitation(person, "not an address");
        var markup = Invitation(person, $"z.{person:N}@lakeview.example.org");
        markup.SetPasswordPath = "/account/set-password?user=1\"><script>";

        var errors = new[]
        {
            await RpcErrors.CatchAsync(() => As(GatewayToken()).SendInvitationAsync(offSite).ResponseAsync),
            await RpcErrors.CatchAsync(() => As(GatewayToken()).SendInvitationAsync(badEmail).ResponseAsync),
            await RpcErrors.CatchAsync(() => As(GatewayToken()).SendInvitationAsync(markup).ResponseAsync),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(["set_password_path", "email", "set_password_path"], errors.Select(e => e.ViolatedFields().Single()));
        Assert.All(errors, e => Assert.DoesNotContain("evil.example", e.Status.Detail, StringComparison.Ordinal));
        Assert.False(await service.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientKey == person.ToString())));
    }
}
