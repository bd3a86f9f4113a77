using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Reviews;

namespace HmisPlatform.Credentialing.Tests.Domain;

/// <summary>When a review opens, and when its reminders are due.</summary>
public sealed class AccessReviewRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
    [Theory]
    [InlineData(2026, 4, "2026-12-07", "deadline")]
    [InlineData(2026, 4, "2027-06-30", "deadline")]
    [InlineData(2026, 5, "2026-12-31", "quarter")]
    [InlineData(1999, 4, "2026-12-31", "year")]
    public void AReview_NeedsAQuarter_AndADeadlineAfterTodayWithinNinetyDays(int year, int quarter, string deadline, string field)
    {
        var refused = Assert.Throws<DomainException>(() => AccessReview.Open(year, quarter, [], deadline, TeamCaller(), Now));

        Assert.Contains(refused.FieldViolations, v => v.Field == field);
    }

    [Fact]
    public void Reminders_AreDueFromAWeekBeforeTheDeadline_Once()
    {
        var review = AccessReview.Open(2026, 4, [], "2026-12-31", TeamCaller(), Now);

        Assert.False(review.RemindersDue(new DateOnly(2026, 12, 23)));
        Assert.True(review.RemindersDue(new DateOnly(2026, 12, 24)));
        review.Reminded(Now);
        Assert.False(review.RemindersDue(new DateOnly(2026, 12, 26)));
        Assert.False(review.IsOverdue(new DateOnly(2026, 12, 31)));
        Assert.True(review.IsOverdue(new DateOnly(2027, 1, 1)));
    }

    private static Caller TeamCaller() => new("hmis-person", null, IsHmisTeam: true, Role: PlatformIdentity.HmisTeamRole);
}
