using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;
using HmisPlatform.Credentialing.Domain.Credits;

namespace HmisPlatform.Credentialing.Tests.Domain;

public sealed class RemovalRulesTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly DateTimeOffset Activated = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly InactivityPolicy Policy = new();
    private static readonly Caller HmisTeam = new("hmis-integration", null, true, "hmis_team");

    private static HmisAccount Active()
    {
        var person = Guid.NewGuid();
        var account = HmisAccount.Issue(new Applicant(person, Guid.NewGuid(), Agency, "Ada", "Lovell", "ada@agency.example.org", [ProjectType.EmergencyShelter]), "alovell", AccountRoute.AssessmentPassed, Actor.Platform("credentialing-api"), Activated);
        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", new Caller(person.ToString(), Agency, false, Caller.TraineeRole), Activated);
        account.ConfirmAgreement(new Caller("ata", Agency, false, Caller.AtaRole), Activated);
        return account;
    }

    [Theory]
    [InlineData(0, 0, InactivityStep.None)]
    [InlineData(4, 27, InactivityStep.None)]
    [InlineData(5, 0, InactivityStep.Warn)]
    [InlineData(5, 20, InactivityStep.Warn)]
    [InlineData(6, 0, InactivityStep.Remove)]
    public void Step_FollowsTheMonthsSinceActivation(int months, int days, InactivityStep step) =>
        Assert.Equal(step, Policy.StepFor(Active(), Activated.AddMonths(months).AddDays(days)));

    [Fact]
    public void Removal_IsDueAtTheSameChicagoTimeSixMonthsOn_WhichInSummerIsAnHourEarlierInUtc()
    {
        // Activated 06:00 CST on 15 January (12:00 UTC): removal is due at 06:00 CDT on 15 July, 11:00 UTC.
        var account = Active();

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 11, 0, 0, TimeSpan.Zero), Policy.RemovalDue(account));
        Assert.Equal(InactivityStep.Warn, Policy.StepFor(account, new DateTimeOffset(2026, 7, 15, 10, 59, 0, TimeSpan.Zero)));
        Assert.Equal(InactivityStep.Remove, Policy.StepFor(account, new DateTimeOffset(2026, 7, 15, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Warning_IsGivenOncePerAbsence_AndALaterLoginStartsAnew()
    {
        var account = Active();
        account.WarnInactive(Actor.Platform("credentialing-api"), Activated.AddMonths(5));

        Assert.Equal(InactivityStep.None, Policy.StepFor(account, Activated.AddMonths(5).AddDays(3)));
        account.RecordActivity(Activated.AddMonths(5).AddDays(10));
        Assert.Null(account.InactivityWarnedAt);
        Assert.Equal(InactivityStep.Warn, Policy.StepFor(account, Activated.AddMonths(10).AddDays(11)));
    }

    [Fact]
    public void Activity_NeverMovesBackwards_AndIsRefusedOnceRemoved()
    {
        var account = Active();
        account.RecordActivity(Activated.AddMonths(2));
        account.RecordActivity(Activated.AddMonths(1));

        Assert.Equal(Activated.AddMonths(2), account.LastActivityAt);
        account.RemoveInactive(Actor.Platform("credentialing-api"), Activated.AddMonths(9));
        Assert.Equal(HmisAccount.AccountRemovedReason, Assert.Throws<DomainException>(() => account.RecordActivity(Activated.AddMonths(10))).Reason);
    }

    [Fact]
    public void Deactivation_ForInactivity_IsTheSweepsAlone()
    {
        var account = Active();

        var error = Assert.Throws<DomainException>(() => account.Deactivate(new Caller("hmis", null, true), RemovalReason.Inactive, "", Activated));

        Assert.Equal(HmisAccount.NotPermittedToRemoveReason, error.Reason);
        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void ActivationToken_StopsWorkingAtItsExpiry()
    {
        var account = Active();
        var token = account.IssueActivationToken(new Caller(account.PersonId.ToString(), Agency, false, Caller.TraineeRole), false, Activated, TimeSpan.FromHours(72));

        var error = Assert.Throws<DomainException>(() => account.RedeemActivationToken(token, HmisTeam, Activated.AddHours(72)));

        Assert.Equal(HmisAccount.ActivationTokenExpiredReason, error.Reason);
        Assert.Null(account.ProvisionedAt);
        Assert.True(account.RedeemActivationToken(token, HmisTeam, Activated.AddHours(71)));
    }
}
