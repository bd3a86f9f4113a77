using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LmsAccounts;

namespace HmisPlatform.Training.Tests.Domain;

public sealed class LmsAccountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] AgencyDomains = ["agency.example.org"];

    private static LmsAccount Register(string email, LmsAccount? personsAccount = null) =>
        LmsAccount.Register(Guid.NewGuid(), EmailAddress.Parse(email, "email"), "user.name", personsAccount, false, false, AgencyDomains, Now);

    [Fact]
    public void PersonalEmail_IsFlagged_AgencyEmailIsNot()
    {
        Assert.True(Register("lee@gmail.example.com").PersonalEmail);
        Assert.False(Register("lee@agency.example.org").PersonalEmail);
    }

    [Fact]
    public void ChangeToAnAgencyEmail_ClearsTheFlag_AndRecordsFromAndTo()
    {
        var account = Register("lee@gmail.example.com");
        var change = account.ChangeEmail(EmailAddress.Parse("lee@agency.example.org", "email"), false, AgencyDomains, "Ticket 1", "help-desk", Now);

        Assert.False(account.PersonalEmail);
        Assert.Equal(("lee@gmail.example.com", "lee@agency.example.org"), (change.FromEmail, change.ToEmail));
    }

    [Fact]
    public void DuplicateAccount_CannotBeUpdated()
    {
        var duplicate = Register("second@agency.example.org", Register("first@agency.example.org"));
        Assert.Equal(LmsAccountStatus.Duplicate, duplicate.Status);
        Assert.Equal(LmsAccount.NotActiveReason, Assert.Throws<DomainException>(() =>
            duplicate.ChangeEmail(EmailAddress.Parse("x@agency.example.org", "email"), false, AgencyDomains, "t", "hd", Now)).Reason);
    }

    [Fact]
    public void Username_IsOneLowerCaseAsciiForm()
    {
        Assert.Equal("lee.ms", LmsUsername.Parse("  Lee.MS ", "username"));
        Assert.Equal(LmsUsername.InvalidReason, Assert.Throws<DomainException>(() => LmsUsername.Parse("l\u0435e.ms", "username")).Reason);
    }
}
