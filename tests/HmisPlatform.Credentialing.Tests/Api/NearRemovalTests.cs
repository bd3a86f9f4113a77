using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>Accounts near the five- and six-month inactivity marks, for the HMIS team's overview and the agency's own.</summary>
public sealed class NearRemovalTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    private Credentials.CredentialsClient HmisTeam => _accounts.As(TestTokens.HmisTeam());

    private async Task<Account> LastActiveAsync(string given, string family, DateTimeOffset lastActive, bool warned = false)
    {
        var account = await _accounts.ActiveAsync(given, family);
        var warnedAt = warned ? DateTimeOffset.UtcNow.AddDays(-20) : (DateTimeOffset?)null;
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE accounts SET last_activity_at = {lastActive}, inactivity_warned_at = {warnedAt} WHERE id = {Guid.Parse(account.Id)}"));
        return account;
    }

    [Fact]
    public async Task AccountsReachingTheMarksWithinTheDays_AreCounted_AndListedSoonestRemovalFirst()
    {
        var now = DateTimeOffset.UtcNow;
        var nearWarning = await LastActiveAsync("Hana", "Mori", now.AddMonths(-5).AddDays(3));
        var nearRemoval = await LastActiveAsync("Ivo", "Petrov", now.AddMonths(-6).AddDays(2), warned: true);
        var recent = await LastActiveAsync("Jun", "Park", now.AddMonths(-1));
        // Another test of this class may leave one long past removal (the sweep takes it): these two are counted here.

        var near = await HmisTeam.ListAccountsNearRemovalAsync(new ListAccountsNearRemovalRequest { WithinDays = 14 });
        var tomorrow = await HmisTeam.ListAccountsNearRemovalAsync(new ListAccountsNearRemovalRequest { WithinDays = 1 });
        var kai = near.Accounts.Count(a => a.Username.StartsWith("klund", StringComparison.Ordinal));

        Assert.Equal((1, 1 + kai), (near.ReachingWarning, near.ReachingRemoval));
        Assert.Equal([nearRemoval.Id, nearWarning.Id], near.Accounts.Select(a => a.AccountId).Skip(kai));
        Assert.DoesNotContain(recent.Id, near.Accounts.Select(a => a.AccountId));
        var removal = near.Accounts[kai];
        Assert.Equal(HmisPlatform.BuildingBlocks.Domain.Continuum.AddMonths(removal.LastActivityAt.ToDateTimeOffset(), 6), removal.RemovalAt.ToDateTimeOffset());
        Assert.Equal((0, kai), (tomorrow.ReachingWarning, tomorrow.ReachingRemoval));
    }

    [Fact]
    public async Task AnotherAgency_SeesNoneOfThem_AndAWindowOverAMonthIsRefused()
    {
        // Another test of this class leaves accounts near both marks: another agency sees none of them.
        await LastActiveAsync("Kai", "Lund", DateTimeOffset.UtcNow.AddMonths(-7));

        var other = await _accounts.As(TestTokens.Issue(agencyId: Guid.NewGuid().ToString()))
            .ListAccountsNearRemovalAsync(new ListAccountsNearRemovalRequest { WithinDays = 31 });
        var tooLong = await RpcErrors.CatchAsync(() => HmisTeam.ListAccountsNearRemovalAsync(new ListAccountsNearRemovalRequest { WithinDays = 32 }).ResponseAsync);

        Assert.Equal((0, 0, 0), (other.ReachingWarning, other.ReachingRemoval, other.Accounts.Count));
        Assert.Equal((StatusCode.InvalidArgument, "NEAR_REMOVAL_WINDOW_INVALID"), (tooLong.StatusCode, tooLong.Reason()));
    }
}
