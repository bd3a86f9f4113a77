using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using RemovalReason = Hmis.Credentialing.V1.RemovalReason;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>Live credentials: the username and a single-use activation token for the user alone; never a password.</summary>
[Trait("ASVS", "9.2.4")]
public sealed class ActivationTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    private Credentials.CredentialsClient TheHmis => _accounts.As(TestTokens.HmisTeam());

    private Credentials.CredentialsClient User(Account account) => _accounts.As(TestTokens.Person(Guid.Parse(account.PersonId), Caller.TraineeRole));

    private Task<IssueActivationTokenResponse> IssueAsync(Account account) =>
        User(account).IssueActivationTokenAsync(new IssueActivationTokenRequest { AccountId = account.Id }).ResponseAsync;

    private Task<RedeemActivationTokenResponse> RedeemAsync(string username, string token) =>
        TheHmis.RedeemActivationTokenAsync(new RedeemActivationTokenRequest { Username = username, ActivationToken = token }).ResponseAsync;

    [Fact]
    public async Task User_GetsASingleUseToken_TheHmisRedeemsItOnce_AndARetryChangesNothing()
    {
        var account = await _accounts.ActiveAsync("Oona", "Fitz");

        var issued = await IssueAsync(account);
        var redeemed = await RedeemAsync(issued.Username, issued.ActivationToken);
        var retried = await RedeemAsync(issued.Username, issued.ActivationToken);

        Assert.Equal(account.Username, issued.Username);
        Assert.True(issued.ExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(71));
        Assert.NotNull(redeemed.Account.ProvisionedAt);
        Assert.Equal(redeemed.Account.ProvisionedAt, retried.Account.ProvisionedAt);
        Assert.Equal(1, await service.QueryAsync(db => db.ProvisionedAccounts.CountAsync(p => p.AccountId == Guid.Parse(account.Id))));
        var again = await RpcErrors.CatchAsync(() => IssueAsync(account));
        Assert.Equal(HmisAccount.AlreadyProvisionedReason, again.Reason());
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task ANewToken_VoidsTheEarlierOne()
    {
        var account = await _accounts.ActiveAsync("Bram", "Visser");
        var first = await IssueAsync(account);
        var second = await IssueAsync(account);

        var error = await RpcErrors.CatchAsync(() => RedeemAsync(account.Username, first.ActivationToken));

        Assert.Equal((StatusCode.InvalidArgument, HmisAccount.ActivationTokenInvalidReason), (error.StatusCode, error.Reason()));
        Assert.NotNull((await RedeemAsync(account.Username, second.ActivationToken)).Account.ProvisionedAt);
    }

    [Fact]
    public async Task WrongTokenAndUnknownUsername_GetTheSameAnswer()
    {
        var account = await _accounts.ActiveAsync("Cleo", "Marsh");
        var issued = await IssueAsync(account);

        var wrongToken = await RpcErrors.CatchAsync(() => RedeemAsync(account.Username, issued.ActivationToken + "x"));
        var unknownUser = await RpcErrors.CatchAsync(() => RedeemAsync("nosuchuser", issued.ActivationToken));

        Assert.Equal((wrongToken.StatusCode, wrongToken.Reason(), wrongToken.Status.Detail), (unknownUser.StatusCode, unknownUser.Reason(), unknownUser.Status.Detail));
    }

    [Fact]
    public async Task OnlyTheUser_GetsTheirToken_AndOnlyTheHmisRedeemsOne()
    {
        var account = await _accounts.ActiveAsync("Dara", "Quill");

        var byAta = await RpcErrors.CatchAsync(() => _accounts.As(ActiveAccounts.Ata).IssueActivationTokenAsync(new IssueActivationTokenRequest { AccountId = account.Id }).ResponseAsync);
        var issued = await IssueAsync(account);
        var bySystem = await RpcErrors.CatchAsync(() => service.Client.RedeemActivationTokenAsync(new RedeemActivationTokenRequest { Username = account.Username, ActivationToken = issued.ActivationToken }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, HmisAccount.OnlyTheUserActivatesReason), (byAta.StatusCode, byAta.Reason()));
        Assert.Equal(StatusCode.PermissionDenied, bySystem.StatusCode);
    }

    [Trait("ASVS", "8.3")]
    [Fact]
    public async Task TheServiceThatEmailsIt_MayIssueTheUsersToken_AndDoNothingElse()
    {
        var account = await _accounts.ActiveAsync("Ines", "Varga");
        var notifications = _accounts.As(TestTokens.Issue([PlatformIdentity.CredentialsActivate], agencyId: null, role: PlatformIdentity.PlatformServiceRole,
            subject: ResourceNames.NotificationsApi));

        var issued = await notifications.IssueActivationTokenAsync(new IssueActivationTokenRequest { AccountId = account.Id });
        var redeem = await RpcErrors.CatchAsync(() => notifications.RedeemActivationTokenAsync(
            new RedeemActivationTokenRequest { Username = account.Username, ActivationToken = issued.ActivationToken }).ResponseAsync);
        var deactivate = await RpcErrors.CatchAsync(() => notifications.DeactivateAccountAsync(
            new DeactivateAccountRequest { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, Reason = RemovalReason.LeftAgency }).ResponseAsync);
        var redeemed = await RedeemAsync(account.Username, issued.ActivationToken);

        Assert.Equal(StatusCode.PermissionDenied, redeem.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, deactivate.StatusCode);
        Assert.NotNull(redeemed.Account.ProvisionedAt);
    }

    [Trait("ASVS", "8.3")]
    [Fact]
    public async Task AnotherPlatformService_WithCredentialsWrite_CannotMintAUsersToken()
    {
        var account = await _accounts.ActiveAsync("Rhea", "Moss");
        var requests = _accounts.As(TestTokens.Issue([PlatformIdentity.CredentialsRead, PlatformIdentity.CredentialsWrite], agencyId: null,
            role: PlatformIdentity.PlatformServiceRole, subject: ResourceNames.RequestsApi));

        var refused = await RpcErrors.CatchAsync(() => requests.IssueActivationTokenAsync(new IssueActivationTokenRequest { AccountId = account.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var stored = await service.QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(account.Id)));
        Assert.Null(stored.ActivationTokenHash);
    }

    [Fact]
    public async Task Tokens_AreNeverStoredOrLogged_AndNoPasswordExists()
    {
        var account = await _accounts.ActiveAsync("Elio", "Stark");
        var issued = await IssueAsync(account);
        await RpcErrors.CatchAsync(() => RedeemAsync(account.Username, issued.ActivationToken + "x"));
        await RedeemAsync(account.Username, issued.ActivationToken);

        var stored = await service.QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(account.Id)));
        var readBack = (await TheHmis.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = account.PersonId })).Accounts.Single();

        Assert.NotEqual(issued.ActivationToken, stored.RedeemedTokenHash);
        Assert.DoesNotContain(issued.ActivationToken, readBack.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(service.Logs.Lines, line => line.Contains(issued.ActivationToken, StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(HmisAccount).GetProperties(), p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }
}
