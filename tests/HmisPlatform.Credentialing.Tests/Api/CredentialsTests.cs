using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using AccountStatus = Hmis.Credentialing.V1.AccountStatus;

namespace HmisPlatform.Credentialing.Tests.Api;

public sealed class CredentialsTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private static Timestamp Now => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);

    private async Task<(Guid Person, string AccessRequestId)> ApproveAsync(string given, string family, string agencyId = TestTokens.DefaultAgencyId)
    {
        var (person, request) = await new ActiveAccounts(service).ApproveAsync(given, family, agencyId: agencyId);
        return (person, request.ToString());
    }

    private Task PassAsync(Guid person, string accessRequestId) => new ActiveAccounts(service).PassAsync(person, Guid.Parse(accessRequestId));

    private Task<Account> PendingAccountAsync(Guid person) =>
        Eventually.ReturnsAsync(
            async () => (await service.Client.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.ToString() })).Accounts.FirstOrDefault(),
            a => a is not null)!;

    private Task<SignEndUserAgreementResponse> SignAsync(Account account, string name) =>
        As(TestTokens.Person(Guid.Parse(account.PersonId), "trainee")).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = account.Id,
            TypedFullName = name,
        }).ResponseAsync;

    [Fact]
    public async Task AssessmentPassed_CreatesAnAccountPendingTheAgreement()
    {
        var (person, request) = await ApproveAsync("Dana", "Whitfield");
        await PassAsync(person, request);

        var account = await PendingAccountAsync(person);

        Assert.Equal(AccountStatus.PendingAgreement, account.Status);
        Assert.StartsWith("dwhitfield", account.Username, StringComparison.Ordinal);
        var pending = await service.Redis.WaitForAsync<AccountPendingAgreement>(service.StreamOf(AccountPendingAgreement.Descriptor));
        Assert.Contains(pending, p => p.AccountId == account.Id);
    }

    [Fact]
    public async Task AssessmentPassed_BeforeTheApprovalArrives_IsRetriedUntilItApplies()
    {
        var person = Guid.NewGuid();
        var request = Guid.NewGuid().ToString();
        await PassAsync(person, request);
        // Taken, and refused for now: the approval it needs has not arrived.
        await service.DeliveredAsync(AssessmentPassed.Descriptor);
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Now,
            AccessRequestId = request,
            AgencyId = TestTokens.DefaultAgencyId,
            Applicant = new Applicant { PersonId = person.ToString(), GivenName = "Late", FamilyName = "Arrival", Email = "late@agency.example.org" },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        });

        var account = await PendingAccountAsync(person);

        Assert.Equal(AccountStatus.PendingAgreement, account.Status);
    }

    [Fact]
    public async Task SameName_GetsTheNextFreeUsername()
    {
        var (first, firstRequest) = await ApproveAsync("Morgan", "Reyes");
        await PassAsync(first, firstRequest);
        var firstAccount = await PendingAccountAsync(first);
        var (second, secondRequest) = await ApproveAsync("Maria", "Reyes");
        await PassAsync(second, secondRequest);

        var secondAccount = await PendingAccountAsync(second);

        Assert.Equal("mreyes", firstAccount.Username);
        Assert.Equal("mreyes2", secondAccount.Username);
    }

    private Credentials.CredentialsClient As(string token) => new(service.ChannelWithToken(token));

    private static ConfirmEndUserAgreementRequest Confirmation(Account account) =>
        new() { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id };

    private static string LakeviewAta { get; } = TestTokens.Person(Guid.NewGuid(), "ata");

    [Fact]
    public async Task Sign_ThenConfirmByTheAta_ActivatesAndIssuesCredentialsOnce()
    {
        var (person, request) = await ApproveAsync("Quinn", "Okafor");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);

        var signed = (await As(TestTokens.Person(person, "trainee")).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = account.Id,
            TypedFullName = "  Quinn   Okafor ",
        })).Account;
        Assert.Equal(AccountStatus.PendingConfirmation, signed.Status);
        Assert.Equal("2026-01", signed.AgreementVersion);

        var confirmation = Confirmation(account);
        var confirmed = (await As(LakeviewAta).ConfirmEndUserAgreementAsync(confirmation)).Account;
        var retried = (await As(LakeviewAta).ConfirmEndUserAgreementAsync(confirmation)).Account;

        Assert.Equal(AccountStatus.Active, confirmed.Status);
        Assert.Equal(confirmed, retried);
        Assert.NotNull(confirmed.AgreementConfirmedAt);
        var issued = await Eventually.ReturnsAsync(
            () => service.Redis.ReadAllAsync<CredentialsIssued>(service.StreamOf(CredentialsIssued.Descriptor)),
            events => events.Any(i => i.AccountId == account.Id));
        Assert.Single(issued, i => i.AccountId == account.Id && i.Username == account.Username);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task Confirm_BeforeTheUserSigned_IsAFailedPrecondition()
    {
        var (person, request) = await ApproveAsync("Sasha", "Moreau");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);

        var error = await RpcErrors.CatchAsync(() => As(LakeviewAta).ConfirmEndUserAgreementAsync(Confirmation(account)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "AGREEMENT_NOT_SIGNED"), (error.StatusCode, error.Reason()));
        Assert.Equal(AccountStatus.PendingAgreement, (await PendingAccountAsync(person)).Status);
    }

    [Fact]
    public async Task Sign_ByTheAgencysOwnSystem_TheAtaOrTheHmisTeam_IsRefused_OnlyTheUserSigns()
    {
        var (person, request) = await ApproveAsync("Noor", "Haddad");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);
        var signature = new SignEndUserAgreementRequest { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id, TypedFullName = "Noor Haddad" };

        var byAta = await RpcErrors.CatchAsync(() => As(LakeviewAta).SignEndUserAgreementAsync(signature).ResponseAsync);
        signature.RequestId = Guid.NewGuid().ToString();
        var byHmisTeam = await RpcErrors.CatchAsync(() => As(TestTokens.HmisTeam()).SignEndUserAgreementAsync(signature).ResponseAsync);
        signature.RequestId = Guid.NewGuid().ToString();
        var bySystem = await RpcErrors.CatchAsync(() => service.Client.SignEndUserAgreementAsync(signature).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "ONLY_THE_USER_SIGNS"), (byAta.StatusCode, byAta.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_THE_USER_SIGNS"), (byHmisTeam.StatusCode, byHmisTeam.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_THE_USER_SIGNS"), (bySystem.StatusCode, bySystem.Reason()));
        Assert.Equal(AccountStatus.PendingAgreement, (await PendingAccountAsync(person)).Status);
    }

    [Fact]
    public async Task Confirm_ByTheUserOrTheAgencysSystem_IsRefused_ByASupervisorItIsTaken()
    {
        var (person, request) = await ApproveAsync("Ilse", "Brandt");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);
        await SignAsync(account, "Ilse Brandt");

        var byUser = await RpcErrors.CatchAsync(() => As(TestTokens.Person(person, "trainee")).ConfirmEndUserAgreementAsync(Confirmation(account)).ResponseAsync);
        var bySystem = await RpcErrors.CatchAsync(() => service.Client.ConfirmEndUserAgreementAsync(Confirmation(account)).ResponseAsync);
        var byOtherAgencysAta = await RpcErrors.CatchAsync(() =>
            As(TestTokens.Person(Guid.NewGuid(), "ata", Guid.NewGuid().ToString())).ConfirmEndUserAgreementAsync(Confirmation(account)).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "ONLY_ATA_OR_SUPERVISOR_CONFIRMS"), (byUser.StatusCode, byUser.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "ONLY_ATA_OR_SUPERVISOR_CONFIRMS"), (bySystem.StatusCode, bySystem.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, "NOT_AVAILABLE"), (byOtherAgencysAta.StatusCode, byOtherAgencysAta.Reason()));
        Assert.Equal(AccountStatus.PendingConfirmation, (await PendingAccountAsync(person)).Status);
        var supervisor = Guid.NewGuid();
        var confirmed = await As(TestTokens.Person(supervisor, "supervisor")).ConfirmEndUserAgreementAsync(Confirmation(account));
        Assert.Equal(AccountStatus.Active, confirmed.Account.Status);
        var audit = await service.QueryAsync(db => db.AccountChanges.Where(c => c.AccountId == Guid.Parse(account.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Kind, c.Actor.Subject, c.Actor.Role }).ToListAsync());
        Assert.Equal(
            [(AccountChangeKind.Issued, "credentialing-api"), (AccountChangeKind.AgreementSigned, person.ToString()), (AccountChangeKind.AgreementConfirmed, supervisor.ToString())],
            audit.Select(c => (c.Kind, c.Subject)));
        var rewrite = await Assert.ThrowsAnyAsync<Exception>(() => service.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM account_changes")));
        Assert.Contains("append-only", rewrite.Message);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task Sign_WithAnotherName_IsRefusedAndTheAccountStaysPending()
    {
        var (person, request) = await ApproveAsync("Rowan", "Tran");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);

        var error = await RpcErrors.CatchAsync(() => SignAsync(account, "Someone Else"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("SIGNATURE_NAME_MISMATCH", error.Reason());
        Assert.DoesNotContain("Rowan", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccountStatus.PendingAgreement, (await PendingAccountAsync(person)).Status);
    }

    [Fact]
    public async Task Sign_Twice_IsRefusedTheSecondTime()
    {
        var (person, request) = await ApproveAsync("Emerson", "Diaz");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);
        await SignAsync(account, "Emerson Diaz");

        var error = await RpcErrors.CatchAsync(() => SignAsync(account, "Emerson Diaz"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("ACCOUNT_NOT_PENDING_AGREEMENT", error.Reason());
    }

    [Fact]
    public async Task AnotherAgency_SeesNoneOfThePersonsAccountsAndCannotSign()
    {
        var (person, request) = await ApproveAsync("Harper", "Vance");
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);
        var otherAgency = new Credentials.CredentialsClient(service.ChannelWithToken(TestTokens.Issue(agencyId: Guid.NewGuid().ToString())));

        var seen = await otherAgency.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.ToString() });
        var error = await RpcErrors.CatchAsync(() => otherAgency.SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = account.Id,
            TypedFullName = "Harper Vance",
        }).ResponseAsync);

        Assert.Empty(seen.Accounts);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(AccountStatus.PendingAgreement, (await PendingAccountAsync(person)).Status);
    }

    [Fact]
    public async Task Confirm_ConsumesTheCreditReservedAtReview_OnceForTheAccount()
    {
        var (person, request) = await ApproveAsync("Tomas", "Varga");
        await service.HmisTeamCredits.ReserveCreditAsync(new ReserveCreditRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AgencyId = TestTokens.DefaultAgencyId,
            AccessRequestId = request,
            PersonId = person.ToString(),
        });
        var before = (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = TestTokens.DefaultAgencyId })).Balance;
        await PassAsync(person, request);
        var account = await PendingAccountAsync(person);
        await SignAsync(account, "Tomas Varga");

        await As(LakeviewAta).ConfirmEndUserAgreementAsync(Confirmation(account));

        var after = (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = TestTokens.DefaultAgencyId })).Balance;
        Assert.Equal((before.Available, before.Reserved - 1, before.Consumed + 1), (after.Available, after.Reserved, after.Consumed));
        var consumed = await service.QueryAsync(db => db.CreditLedger.CountAsync(e => e.AccountId == Guid.Parse(account.Id)));
        Assert.Equal(1, consumed);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }

    [Fact]
    public async Task Confirm_ForAnAgencyWithoutCredits_IsResourceExhausted_AndTheAccountWaits()
    {
        var broke = Guid.NewGuid().ToString();
        var (person, request) = await ApproveAsync("Lena", "Koch", broke);
        await PassAsync(person, request);
        var account = await Eventually.ReturnsAsync(
            async () => (await As(TestTokens.HmisTeam()).GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.ToString() })).Accounts.FirstOrDefault(),
            a => a is not null);
        await As(TestTokens.Person(person, "trainee", broke)).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = account!.Id, TypedFullName = "Lena Koch" });

        var error = await RpcErrors.CatchAsync(() => As(TestTokens.Person(Guid.NewGuid(), "ata", broke)).ConfirmEndUserAgreementAsync(Confirmation(account)).ResponseAsync);

        Assert.Equal((StatusCode.ResourceExhausted, "LICENSE_CREDITS_EXHAUSTED"), (error.StatusCode, error.Reason()));
        var still = (await As(TestTokens.HmisTeam()).GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.ToString() })).Accounts.Single();
        Assert.Equal(AccountStatus.PendingConfirmation, still.Status);
    }
}
