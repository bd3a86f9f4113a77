using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Testing;
using AccountStatus = Hmis.Credentialing.V1.AccountStatus;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>A new agreement version in force: active users are listed until they sign it again, staying active meanwhile.</summary>
public sealed class AgreementVersionTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    private Credentials.CredentialsClient HmisTeam => _accounts.As(TestTokens.HmisTeam());

    private Task<SignEndUserAgreementResponse> SignAsync(Account account, string name) =>
        _accounts.As(TestTokens.Person(Guid.Parse(account.PersonId), Caller.TraineeRole)).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, TypedFullName = name }).ResponseAsync;

    [Fact]
    public async Task NewVersion_ListsActiveUsersUntilTheySignIt_AndTheyStayActive()
    {
        var account = await _accounts.ActiveAsync("Vera", "Holm");
        var current = (await service.Client.GetCurrentAgreementAsync(new GetCurrentAgreementRequest())).Agreement;
        Assert.Equal(EndUserAgreement.First.Version, current.Version);
        Assert.Equal(EndUserAgreement.First.TextHash, current.TextHash);
        var resignAlready = await RpcErrors.CatchAsync(() => SignAsync(account, "Vera Holm"));
        Assert.Equal(HmisAccount.AgreementCurrentReason, resignAlready.Reason());

        var published = await HmisTeam.PublishAgreementVersionAsync(new PublishAgreementVersionRequest
        {
            Version = "2027-01",
            Text = "I will use the HMIS only for my work, protect every client record, and report incidents at once.",
        });
        var listed = await HmisTeam.ListAccountsToResignAsync(new ListAccountsToResignRequest());
        var resigned = await SignAsync(account, "Vera Holm");
        var after = await HmisTeam.ListAccountsToResignAsync(new ListAccountsToResignRequest());

        Assert.Equal("2027-01", listed.CurrentVersion);
        Assert.Contains(listed.Accounts, a => a.Id == account.Id);
        Assert.Equal((AccountStatus.Active, "2027-01"), (resigned.Account.Status, resigned.Account.AgreementVersion));
        Assert.DoesNotContain(after.Accounts, a => a.Id == account.Id);
        Assert.Equal(published.Agreement.TextHash, (await service.QueryAsync(db => db.Accounts.FindAsync(Guid.Parse(account.Id)).AsTask()))!.AgreementTextHash);
    }

    [Fact]
    public async Task Publishing_IsTheHmisTeams_WithANewValidVersion()
    {
        var byAgency = await RpcErrors.CatchAsync(() => service.Client.PublishAgreementVersionAsync(new PublishAgreementVersionRequest { Version = "2030-01", Text = "Text" }).ResponseAsync);
        var reused = await RpcErrors.CatchAsync(() => HmisTeam.PublishAgreementVersionAsync(new PublishAgreementVersionRequest { Version = EndUserAgreement.First.Version, Text = "Text" }).ResponseAsync);
        var invalid = await RpcErrors.CatchAsync(() => HmisTeam.PublishAgreementVersionAsync(new PublishAgreementVersionRequest { Version = "no spaces allowed", Text = " " }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
        Assert.Equal((StatusCode.AlreadyExists, EndUserAgreement.VersionExistsReason), (reused.StatusCode, reused.Reason()));
        Assert.Equal(["text", "version"], invalid.ViolatedFields().Order());
    }
}
