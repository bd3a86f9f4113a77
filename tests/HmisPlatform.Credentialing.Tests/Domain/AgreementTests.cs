using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Agreements;
using HmisPlatform.Credentialing.Domain.Applicants;
using HmisPlatform.Credentialing.Domain.Credits;

namespace HmisPlatform.Credentialing.Tests.Domain;

/// <summary>The End User Agreement: the user signs, their ATA or Supervisor confirms, in that order, nobody else.</summary>
public sealed class AgreementTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static HmisAccount Pending(out Guid person)
    {
        person = Guid.NewGuid();
        var applicant = new Applicant(person, Guid.NewGuid(), Agency, "Ada", "Lovell", "ada@agency.example.org", [ProjectType.EmergencyShelter]);
        return HmisAccount.Issue(applicant, "alovell", AccountRoute.AssessmentPassed, Actor.Platform("credentialing-api"), Now);
    }

    private static Caller User(Guid person) => new(person.ToString(), Agency, false, Caller.TraineeRole);

    private static Caller Ata(Guid? agency = null) => new(Guid.NewGuid().ToString(), agency ?? Agency, false, Caller.AtaRole);

    private static Caller AgencySystem => new("case-system", Agency, false);

    [Fact]
    public void UserSigns_ThenAtaConfirms_TheAccountIsActive_WithTheVersionAndHashSigned()
    {
        var account = Pending(out var person);

        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", User(person), Now);
        Assert.Equal(AccountStatus.PendingConfirmation, account.Status);
        var ata = Ata();
        account.ConfirmAgreement(ata, Now.AddHours(1));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(EndUserAgreement.First.Version, account.AgreementVersion);
        Assert.Equal(EndUserAgreement.First.TextHash, account.AgreementTextHash);
        Assert.Equal(ata.Subject, account.AgreementConfirmedBy);
        Assert.Equal(Now.AddHours(1), account.ActivatedAt);
    }

    [Fact]
    public void AgencySystem_WithItsOwnToken_NeitherSignsForTheUser_NorConfirms()
    {
        var account = Pending(out var person);

        Assert.Equal(StepOwners.OnlyTheUserSignsReason,
            Assert.Throws<DomainException>(() => account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", AgencySystem, Now)).Reason);
        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", User(person), Now);
        Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(AgencySystem, Now)).Reason);
        Assert.Equal(AccountStatus.PendingConfirmation, account.Status);
    }

    [Fact]
    public void TheUserSignsThroughTheirAgencysSystem_WithTheirOwnSignIn_AndTheAuditNamesBoth()
    {
        var account = Pending(out var person);
        var throughCaseSystem = new Caller(person.ToString(), Agency, false, Caller.TraineeRole, "lakeview-case-system");
        var ata = Ata();

        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", throughCaseSystem, Now);
        account.ConfirmAgreement(ata, Now.AddHours(1));

        Assert.Equal(
            [
                (AccountChangeKind.Issued, new Actor("credentialing-api", Caller.PlatformServiceRole, "")),
                (AccountChangeKind.AgreementSigned, new Actor(person.ToString(), Caller.TraineeRole, "lakeview-case-system")),
                (AccountChangeKind.AgreementConfirmed, new Actor(ata.Subject, Caller.AtaRole, "")),
            ],
            account.Changes.Select(c => (c.Kind, c.Actor)));
    }

    [Fact]
    public void Someone_OtherThanTheUser_CannotSign()
    {
        var account = Pending(out _);

        var byAta = Assert.Throws<DomainException>(() => account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", Ata(), Now));
        var byOtherPerson = Assert.Throws<DomainException>(() => account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", User(Guid.NewGuid()), Now));

        Assert.Equal((ErrorKind.PermissionDenied, StepOwners.OnlyTheUserSignsReason), (byAta.Kind, byAta.Reason));
        Assert.Equal(StepOwners.OnlyTheUserSignsReason, byOtherPerson.Reason);
        Assert.Equal(AccountStatus.PendingAgreement, account.Status);
    }

    [Fact]
    public void Confirm_BeforeSigning_OrByTheUser_OrByAnotherAgencysAta_IsRefused()
    {
        var account = Pending(out var person);

        Assert.Equal(HmisAccount.NotSignedReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(Ata(), Now)).Reason);
        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", User(person), Now);
        Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(User(person), Now)).Reason);
        Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(Ata(Guid.NewGuid()), Now)).Reason);
        var userWhoIsAlsoAnAta = new Caller(person.ToString(), Agency, false, Caller.AtaRole);
        Assert.Equal(StepOwners.OnlyAnotherAdministratorConfirmsReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(userWhoIsAlsoAnAta, Now)).Reason);
        Assert.Equal(AccountStatus.PendingConfirmation, account.Status);
    }

    [Fact]
    public void Confirm_Twice_IsRefusedTheSecondTime()
    {
        var account = Pending(out var person);
        account.SignAgreement(EndUserAgreement.First, "Ada Lovell", "Ada Lovell", User(person), Now);
        account.ConfirmAgreement(Ata(), Now);

        Assert.Equal(HmisAccount.NotPendingConfirmationReason, Assert.Throws<DomainException>(() => account.ConfirmAgreement(Ata(), Now)).Reason);
    }
}
