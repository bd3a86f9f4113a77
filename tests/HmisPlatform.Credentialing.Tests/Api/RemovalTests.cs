using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Grpc;
using HmisPlatform.Credentialing.IntegrationEvents;
using HmisPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AccountStatus = Hmis.Credentialing.V1.AccountStatus;
using RemovalReason = Hmis.Credentialing.V1.RemovalReason;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>Removal of access: reported activity, the inactivity sweep on a fake clock, and deactivation.</summary>
public sealed class RemovalTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    private Credentials.CredentialsClient HmisTeam => _accounts.As(TestTokens.HmisTeam());

    private InactivitySweep SweepAt(FakeTimeProvider clock) => new(
        service.Services.GetRequiredService<IServiceScopeFactory>(), clock,
        Options.Create(new InactivityPolicy()), Options.Create(new InactivitySweepOptions()),
        service.Services.GetRequiredService<OutboxSignal>(), NullLogger<InactivitySweep>.Instance);

    private async Task<Account> ReadAsync(Account account) =>
        (await HmisTeam.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = account.PersonId })).Accounts.Single(a => a.Id == account.Id);

    private async Task<IReadOnlyList<TEvent>> EventsOfAsync<TEvent>(Account account, Google.Protobuf.Reflection.MessageDescriptor descriptor, Func<TEvent, string> accountOf, int atLeast)
        where TEvent : Google.Protobuf.IMessage<TEvent>, new() =>
        [.. (await Eventually.ReturnsAsync(
            () => service.Redis.ReadAllAsync<TEvent>(service.StreamOf(descriptor)),
            events => events.Count(e => accountOf(e) == account.Id) >= atLeast)).Where(e => accountOf(e) == account.Id)];

    [Fact]
    public async Task Sweep_WarnsOnceAtFiveMonths_AndRemovesAtSix()
    {
        var account = await ReadAsync(await _accounts.ActiveAsync("Wren", "Abara"));
        var activated = account.ActivatedAt.ToDateTimeOffset();
        var clock = new FakeTimeProvider(activated.AddMonths(5).AddDays(1));

        var first = await SweepAt(clock).RunOnceAsync(default);
        var second = await SweepAt(clock).RunOnceAsync(default);
        var warned = await ReadAsync(account);

        // The class's other tests leave active accounts too: they are as old on this clock, so count at least this one.
        Assert.True(first.Warned >= 1);
        Assert.Equal((0, 0), second);
        Assert.Equal(AccountStatus.Active, warned.Status);
        Assert.NotNull(warned.InactivityWarnedAt);
        var warning = Assert.Single(await EventsOfAsync<InactivityWarning>(account, InactivityWarning.Descriptor, e => e.AccountId, 1));
        Assert.Equal(HmisPlatform.BuildingBlocks.Domain.Continuum.AddMonths(activated, 6), warning.RemovalDueAt.ToDateTimeOffset());

        clock.SetUtcNow(activated.AddMonths(6).AddDays(1));
        var third = await SweepAt(clock).RunOnceAsync(default);

        Assert.True(third.Removed >= 1);
        var removed = await ReadAsync(account);
        Assert.Equal((AccountStatus.Removed, RemovalReason.Inactive), (removed.Status, removed.RemovalReason));
        var removal = Assert.Single(await EventsOfAsync<AccessRemoved>(account, AccessRemoved.Descriptor, e => e.AccountId, 1));
        Assert.Equal("INACTIVE", removal.Reason);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task ReportedActivity_KeepsTheAccount_AndNeverMovesBackwards()
    {
        var account = await ReadAsync(await _accounts.ActiveAsync("Ezra", "Lindgren"));
        var activated = account.ActivatedAt.ToDateTimeOffset();
        // Whole seconds: the database keeps microseconds.
        var login = DateTimeOffset.FromUnixTimeSeconds(activated.AddMonths(2).ToUnixTimeSeconds());

        await HmisTeam.RecordActivityAsync(new RecordActivityRequest { AccountId = account.Id, LastLoginAt = Timestamp.FromDateTimeOffset(login) });
        var older = await HmisTeam.RecordActivityAsync(new RecordActivityRequest { AccountId = account.Id, LastLoginAt = Timestamp.FromDateTimeOffset(activated.AddDays(1)) });
        // Six months after activation is only four after the login: the account stays.
        await SweepAt(new FakeTimeProvider(activated.AddMonths(6).AddDays(1))).RunOnceAsync(default);

        Assert.Equal(login, older.Account.LastActivityAt.ToDateTimeOffset());
        Assert.Equal(AccountStatus.Active, (await ReadAsync(account)).Status);
    }

    [Fact]
    public async Task Activity_IsReportedOnlyByTheHmis()
    {
        var account = await _accounts.ActiveAsync("Mira", "Castell");

        var error = await RpcErrors.CatchAsync(() => service.Client.RecordActivityAsync(new RecordActivityRequest
            { AccountId = account.Id, LastLoginAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, Caller.HmisTeamOnlyReason), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task Deactivation_ByTheAta_RemovesAtOnce_AndTheUsernameIsNeverGivenAgain()
    {
        var person = Guid.NewGuid();
        var account = await _accounts.ActiveAsync("Ines", "Okoro", person);

        var removed = await _accounts.As(ActiveAccounts.Ata).DeactivateAccountAsync(new DeactivateAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = account.Id,
            Reason = RemovalReason.LeftAgency,
        });

        Assert.Equal(AccountStatus.Removed, removed.Account.Status);
        Assert.Equal("LEFT_AGENCY", Assert.Single(await EventsOfAsync<AccessRemoved>(account, AccessRemoved.Descriptor, e => e.AccountId, 1)).Reason);
        var again = await _accounts.ActiveAsync("Ines", "Okoro", person);
        Assert.NotEqual(account.Username, again.Username);
        Assert.StartsWith(account.Username, again.Username, StringComparison.Ordinal);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task Deactivation_WithoutAReason_OrForAtaTrainingByAnAta_IsRefusedAndChangesNothing()
    {
        var account = await _accounts.ActiveAsync("Pavel", "Ruiz");
        var ata = _accounts.As(ActiveAccounts.Ata);

        var noReason = await RpcErrors.CatchAsync(() => ata.DeactivateAccountAsync(new DeactivateAccountRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id }).ResponseAsync);
        var notTheirs = await RpcErrors.CatchAsync(() => ata.DeactivateAccountAsync(new DeactivateAccountRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, Reason = RemovalReason.AtaTrainingMissed }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, HmisAccount.RemovalReasonRequiredReason), (noReason.StatusCode, noReason.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, HmisAccount.NotPermittedToRemoveReason), (notTheirs.StatusCode, notTheirs.Reason()));
        Assert.Equal(AccountStatus.Active, (await ReadAsync(account)).Status);
        var byHmisTeam = await HmisTeam.DeactivateAccountAsync(new DeactivateAccountRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, Reason = RemovalReason.AtaTrainingMissed, Note = "Missed the 2026-01-05 deadline" });
        Assert.Equal(RemovalReason.AtaTrainingMissed, byHmisTeam.Account.RemovalReason);
    }
}
