using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>
/// What the Requests service asks of Credentialing, as its own client (the platform-service role): people's accounts
/// in every agency, a request's credits all or none, and credits back when a request closes; and the full-transfer
/// route into step 4.
/// </summary>
public sealed class RequestsCallsTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private static readonly string RequestsService = TestTokens.Issue(agencyId: null, role: PlatformIdentity.PlatformServiceRole, subject: "requests-api");

    private ActiveAccounts Accounts => new(service);

    private Credentials.CredentialsClient AsRequests => new(service.ChannelWithToken(RequestsService));

    private LicenseCredits.LicenseCreditsClient CreditsAsRequests => new(service.ChannelWithToken(RequestsService));

    private async Task<Guid> AgencyWithCreditsAsync(int credits)
    {
        var agency = Guid.NewGuid();
        await service.HmisTeamCredits.RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest { RequestId = Guid.NewGuid().ToString(), AgencyId = agency.ToString(), Credits = credits });
        return agency;
    }

    private ReserveCreditsForRequestRequest Reserve(Guid agency, Guid accessRequest, int people) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyId = agency.ToString(),
        AccessRequestId = accessRequest.ToString(),
        PersonIds = { Enumerable.Range(0, people).Select(_ => Guid.NewGuid().ToString()) },
    };

    [Fact]
    public async Task FindPersonAccess_ByUsername_FindsTheirAccountsInEveryAgency()
    {
        var account = await Accounts.ActiveAsync("Rowan", "Findley");

        var byUsername = await AsRequests.FindPersonAccessAsync(new FindPersonAccessRequest { Username = account.Username.ToUpperInvariant() });
        var byEmail = await AsRequests.FindPersonAccessAsync(new FindPersonAccessRequest { Email = " Rowan@Agency.Example.org " });

        Assert.Equal(account.Id, Assert.Single(byUsername.Accounts).Id);
        Assert.Equal(account.Id, Assert.Single(byEmail.Accounts).Id);
    }

    [Fact]
    public async Task FindPersonAccess_ByAnAgencySystem_IsRefused()
    {
        var error = await RpcErrors.CatchAsync(() => service.Client.FindPersonAccessAsync(new FindPersonAccessRequest { Email = "x@agency.example.org" }).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, Caller.HmisTeamOnlyReason), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task FindPersonAccess_WithNeitherEmailNorUsername_IsInvalid()
    {
        var error = await RpcErrors.CatchAsync(() => AsRequests.FindPersonAccessAsync(new FindPersonAccessRequest()).ResponseAsync);
        Assert.Equal("EMAIL_OR_USERNAME_REQUIRED", error.Reason());
    }

    [Fact]
    public async Task ReserveForRequest_NotEnoughForEveryone_ReservesNone()
    {
        var agency = await AgencyWithCreditsAsync(2);

        var error = await RpcErrors.CatchAsync(() => CreditsAsRequests.ReserveCreditsForRequestAsync(Reserve(agency, Guid.NewGuid(), 3)).ResponseAsync);
        var balance = (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency.ToString() })).Balance;

        Assert.Equal((StatusCode.ResourceExhausted, "LICENSE_CREDITS_EXHAUSTED"), (error.StatusCode, error.Reason()));
        Assert.Equal((2, 0), (balance.Available, balance.Reserved));
    }

    [Fact]
    public async Task ClosedRequest_GivesItsHeldCreditsBack_Once()
    {
        var agency = await AgencyWithCreditsAsync(3);
        var accessRequest = Guid.NewGuid();
        var reserved = await CreditsAsRequests.ReserveCreditsForRequestAsync(Reserve(agency, accessRequest, 2));
        var closed = new AccessRequestStatusChanged
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), AccessRequestId = accessRequest.ToString(),
            AgencyId = agency.ToString(), FromStatus = "ACCESS_REQUEST_STATUS_SUBMITTED", ToStatus = "ACCESS_REQUEST_STATUS_WITHDRAWN", Action = "WITHDRAW", Closed = true,
        };

        await service.Redis.PublishAsync(service.StreamOf(AccessRequestStatusChanged.Descriptor), closed);
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestStatusChanged.Descriptor), closed);

        var balance = await Eventually.ReturnsAsync(
            async () => (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency.ToString() })).Balance,
            b => b.Reserved == 0);
        await service.CaughtUpAsync(AccessRequestStatusChanged.Descriptor);
        balance = (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency.ToString() })).Balance;
        Assert.Equal(2, reserved.Reservations.Count);
        Assert.Equal((3, 0), (balance.Available, balance.Reserved));
    }

    [Fact]
    public async Task OnePersonLapsing_GivesBackOnlyTheirHeldCredit()
    {
        var agency = await AgencyWithCreditsAsync(3);
        var accessRequest = Guid.NewGuid();
        var reserved = await CreditsAsRequests.ReserveCreditsForRequestAsync(Reserve(agency, accessRequest, 2));
        var lapsed = reserved.Reservations[0].PersonId;

        await service.Redis.PublishAsync(service.StreamOf(AccessRequestStatusChanged.Descriptor), new AccessRequestStatusChanged
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), AccessRequestId = accessRequest.ToString(),
            AgencyId = agency.ToString(), FromStatus = "ACCESS_REQUEST_STATUS_IN_PROGRESS", ToStatus = "ACCESS_REQUEST_STATUS_IN_PROGRESS",
            Action = "PERSON_LAPSED", PersonIds = { lapsed },
        });

        var balance = await Eventually.ReturnsAsync(
            async () => (await service.HmisTeamCredits.GetCreditBalanceAsync(new GetCreditBalanceRequest { AgencyId = agency.ToString() })).Balance,
            b => b.Reserved == 1);
        Assert.Equal(2, balance.Available);
    }

    [Fact]
    public async Task FullTransferApproval_MakesTheAccountAtOnce_WaitingForTheAgreement()
    {
        var person = Guid.NewGuid();
        var accessRequest = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            AccessRequestId = accessRequest.ToString(),
            AgencyId = TestTokens.DefaultAgencyId,
            Applicant = new Applicant { PersonId = person.ToString(), GivenName = "Tam", FamilyName = "Transfer", Email = "tam@agency.example.org" },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
            RequestType = "REQUEST_TYPE_RETURNING_USER",
            TransferPath = "FULL_TRANSFER",
        });

        var account = await Accounts.AccountOfAsync(person, accessRequest);

        Assert.Equal(AccountStatus.PendingAgreement, account.Status);
    }

    [Fact]
    public async Task ReadOnlyTrainingComplete_MakesTheAccount_WithoutAnAssignment()
    {
        var (person, accessRequest) = await Accounts.ApproveAsync("Rory", "Reader");
        var completed = new TrainingCompleted
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = person.ToString(),
            AccessRequestId = accessRequest.ToString(), AgencyId = TestTokens.DefaultAgencyId, ReadOnly = true,
        };
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), completed);

        var account = await Accounts.AccountOfAsync(person, accessRequest);

        Assert.Equal((AccountStatus.PendingAgreement, AccountRoute.ReadOnlyTraining), (account.Status, account.Route));
    }

    [Fact]
    public async Task TrainingCompleteForOtherAccess_MakesNoAccount()
    {
        var (person, accessRequest) = await Accounts.ApproveAsync("Nora", "Notyet");
        var eventId = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), new TrainingCompleted
        {
            EventId = eventId.ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), PersonId = person.ToString(),
            AccessRequestId = accessRequest.ToString(), AgencyId = TestTokens.DefaultAgencyId,
        });
        // Applied (it is in the inbox) and made nothing.
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Set<HmisPlatform.BuildingBlocks.Messaging.InboxEntry>().AnyAsync(e => e.EventId == eventId)), seen => seen);

        Assert.False(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.PersonId == person)));
    }
}
