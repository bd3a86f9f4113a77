using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Reviews;
using HmisPlatform.Testing;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.IntegrationEvents;
using Hmis.Events.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using AccessReview = HmisPlatform.Credentialing.Domain.Reviews.AccessReview;
using AccessReviewItem = HmisPlatform.Credentialing.Domain.Reviews.AccessReviewItem;
using AccountStatus = Hmis.Credentialing.V1.AccountStatus;
using ImportAgency = Hmis.Credentialing.V1.ImportAgency;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;
using ReviewDecision = Hmis.Credentialing.V1.ReviewDecision;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>The quarterly access review through the API: opened by the HMIS team, decided by the agency, its result exported.</summary>
public sealed class AccessReviewTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private static readonly string Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd");

    private AccessReviews.AccessReviewsClient As(string token) => new(service.ChannelWithToken(token));

    private AccessReviews.AccessReviewsClient HmisTeam => As(TestTokens.HmisTeam());

    /// <summary>An agency of its own with active accounts (and one removed, which is not reviewed).</summary>
    private async Task<(string Agency, List<string> Accounts)> AgencyWithAccountsAsync(int active)
    {
        var agency = Guid.NewGuid().ToString();
        var domain = $"a{agency[..8]}.example.org";
        var imported = await new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.HmisTeam())).ImportAccountsAsync(new ImportAccountsRequest
        {
            Agencies = { new ImportAgency { AgencyId = agency, AgencyName = domain, EmailDomains = { domain } } },
            Accounts =
            {
                Enumerable.Range(0, active + 1).Select(i => new AccountImportRow
                {
                    Line = i + 2, GivenName = "Rev", FamilyName = $"Iew{i}", Email = $"r{i}@{domain}", AgencyName = domain, HmisUsername = $"r{i}.{agency[..8]}",
                    Status = i == active ? AccountStatus.Removed : AccountStatus.Active, LastLoginOn = "2026-11-01", EuaSignedOn = "2025-01-01",
                    ProjectTypes = { ProjectType.Ssvf }, Responsibilities = { Responsibility.Reporting },
                }),
            },
        });
        Assert.True(imported.Applied);
        return (agency, [.. imported.Accounts.Take(active).Select(a => a.Id)]);
    }

    private Task<OpenAccessReviewResponse> OpenAsync(int year, string agency) => HmisTeam.OpenAccessReviewAsync(new OpenAccessReviewRequest
        { RequestId = Guid.NewGuid().ToString(), Year = year, Quarter = 4, AgencyIds = { agency }, Deadline = Deadline }).ResponseAsync;

    [Fact]
    public async Task TheAgency_ConfirmsAndRemoves_ARemovalDeactivates_AndTheResultIsKept()
    {
        var (agency, accounts) = await AgencyWithAccountsAsync(3);
        var ata = As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, agency));
        var review = (await OpenAsync(2031, agency)).Review;

        var items = await ata.ListAccessReviewItemsAsync(new ListAccessReviewItemsRequest { ReviewId = review.Id });
        var confirmed = await ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[0], Decision = ReviewDecision.Confirmed });
        var removed = await ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[1], Decision = ReviewDecision.Removed, Reason = "left the agency in October" });
        var again = await ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[1], Decision = ReviewDecision.Removed, Reason = "again" });
        var reversed = await RpcErrors.CatchAsync(() => ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[1], Decision = ReviewDecision.Confirmed }).ResponseAsync);
        var summary = (await ata.ListAccessReviewsAsync(new ListAccessReviewsRequest())).Reviews.Single(r => r.Id == review.Id);
        var exported = (await HmisTeam.ExportAccessReview(new ExportAccessReviewRequest { ReviewId = review.Id }).ReadAllAsync()).SelectMany(b => b.Items).ToList();
        var account = Assert.Single((await new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.HmisTeam()))
            .FindPersonAccessAsync(new FindPersonAccessRequest { Username = removed.Item.Username })).Accounts);

        Assert.Equal(3, review.Accounts);
        Assert.Equal(3, items.Items.Count);
        Assert.Equal(("Rev Iew0", ReviewDecision.Confirmed), (confirmed.Item.FullName, confirmed.Item.Decision));
        Assert.Equal(("left the agency in October", "left the agency in October"), (removed.Item.Reason, again.Item.Reason));
        Assert.Equal((StatusCode.FailedPrecondition, AccessReviewItem.AlreadyDecidedReason), (reversed.StatusCode, reversed.Reason()));
        Assert.Equal((3, 1, 1, 1), (summary.Accounts, summary.Confirmed, summary.Removed, summary.Pending));
        Assert.Equal((AccountStatus.Removed, RemovalReason.AccessReview), (account.Status, account.RemovalReason));
        Assert.Equal([ReviewDecision.Confirmed, ReviewDecision.Removed, ReviewDecision.Unspecified], exported.OrderBy(i => i.Username).Select(i => i.Decision));
    }

    [Fact]
    public async Task ARemovalWithoutAReason_AnotherAgency_AndASecondReviewOfTheQuarter_AreRefused_ChangingNothing()
    {
        var (agency, accounts) = await AgencyWithAccountsAsync(1);
        var review = (await OpenAsync(2032, agency)).Review;

        var noReason = await RpcErrors.CatchAsync(() => As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, agency)).DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[0], Decision = ReviewDecision.Removed, Reason = "  " }).ResponseAsync);
        var otherAgency = await RpcErrors.CatchAsync(() => As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, Guid.NewGuid().ToString())).DecideAccessReviewItemAsync(
            new DecideAccessReviewItemRequest { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[0], Decision = ReviewDecision.Confirmed }).ResponseAsync);
        var byAta = await RpcErrors.CatchAsync(() => As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, agency)).OpenAccessReviewAsync(new OpenAccessReviewRequest
            { RequestId = Guid.NewGuid().ToString(), Year = 2033, Quarter = 1, Deadline = Deadline }).ResponseAsync);
        var second = await RpcErrors.CatchAsync(() => OpenAsync(2032, agency));
        var pastDeadline = await RpcErrors.CatchAsync(() => HmisTeam.OpenAccessReviewAsync(new OpenAccessReviewRequest
            { RequestId = Guid.NewGuid().ToString(), Year = 2034, Quarter = 1, Deadline = "2020-01-01" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, AccessReviewItem.ReasonRequiredReason, "reason"), (noReason.StatusCode, noReason.Reason(), noReason.ViolatedFields().Single()));
        Assert.Equal(StatusCode.NotFound, otherAgency.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byAta.StatusCode);
        Assert.Equal((StatusCode.AlreadyExists, AccessReview.ReviewExistsReason), (second.StatusCode, second.Reason()));
        Assert.Equal((StatusCode.InvalidArgument, "deadline"), (pastDeadline.StatusCode, pastDeadline.ViolatedFields().Single()));
        var item = Assert.Single((await HmisTeam.ListAccessReviewItemsAsync(new ListAccessReviewItemsRequest { ReviewId = review.Id })).Items);
        Assert.Equal(ReviewDecision.Unspecified, item.Decision);
    }

    [Fact]
    public async Task AfterTheDeadline_ThePendingAreListedOverdue_ForTheHmisTeamToDecide_AndTheAgencyMayNoLonger()
    {
        var (agency, accounts) = await AgencyWithAccountsAsync(2);
        var review = (await OpenAsync(2035, agency)).Review;
        var ata = As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, agency));
        await ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[0], Decision = ReviewDecision.Confirmed });
        var reviewId = Guid.Parse(review.Id);
        await service.QueryAsync(db => db.AccessReviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(r => r.SetProperty(x => x.Deadline, new DateOnly(2026, 1, 1))));

        var overdue = await HmisTeam.ListAccessReviewItemsAsync(new ListAccessReviewItemsRequest { ReviewId = review.Id, OnlyPending = true });
        var late = await RpcErrors.CatchAsync(() => ata.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[1], Decision = ReviewDecision.Confirmed }).ResponseAsync);
        var byTeam = await HmisTeam.DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[1], Decision = ReviewDecision.Removed, Reason = "not reviewed by the deadline" });

        var pending = Assert.Single(overdue.Items);
        Assert.Equal((accounts[1], true), (pending.AccountId, pending.Overdue));
        Assert.Equal((StatusCode.FailedPrecondition, AccessReviewItem.DeadlinePassedReason), (late.StatusCode, late.Reason()));
        Assert.Equal(ReviewDecision.Removed, byTeam.Item.Decision);
    }

    [Fact]
    public async Task AWeekBeforeTheDeadline_EachAgencyWithAccountsToReview_IsRemindedOnce()
    {
        var (agency, accounts) = await AgencyWithAccountsAsync(2);
        var review = (await OpenAsync(2036, agency)).Review;
        await As(TestTokens.Person(Guid.NewGuid(), Caller.AtaRole, agency)).DecideAccessReviewItemAsync(new DecideAccessReviewItemRequest
            { RequestId = Guid.NewGuid().ToString(), ReviewId = review.Id, AccountId = accounts[0], Decision = ReviewDecision.Confirmed });
        var deadline = DateOnly.Parse(review.Deadline, System.Globalization.CultureInfo.InvariantCulture);
        AccessReviewReminders At(DateOnly day) => new(service.Services.GetRequiredService<IServiceScopeFactory>(),
            new FakeTimeProvider(Continuum.StartOf(day).AddHours(12)), service.Services.GetRequiredService<OutboxSignal>(), NullLogger<AccessReviewReminders>.Instance);

        await At(deadline.AddDays(-8)).RunOnceAsync(default);
        var early = await service.QueryAsync(db => db.AccessReviews.SingleAsync(r => r.Id == Guid.Parse(review.Id)));
        await At(deadline.AddDays(-7)).RunOnceAsync(default);
        await At(deadline.AddDays(-6)).RunOnceAsync(default);

        Assert.Null(early.RemindedAt);
        var reminders = await Eventually.ReturnsAsync(() => service.Redis.ReadAllAsync<AccessReviewReminderDue>(service.StreamOf(AccessReviewReminderDue.Descriptor)),
            events => events.Any(e => e.ReviewId == review.Id));
        var reminder = Assert.Single(reminders, e => e.ReviewId == review.Id);
        Assert.Equal((agency, 1, review.Deadline, "2036 Q4"), (reminder.AgencyId, reminder.Pending, reminder.Deadline, reminder.Quarter));
    }
}
