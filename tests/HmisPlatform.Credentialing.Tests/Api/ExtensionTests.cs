using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>
/// A person with a live account at the agency who reaches step 4 again (new project access, a second request) keeps
/// their one account: it gains the projects, no credit is used (one held for the request goes back), and the request
/// hears that this person is done, so it closes instead of holding the credit for ever.
/// </summary>
public sealed class ExtensionTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    [Fact]
    public async Task ASecondRequestForALiveAccount_ExtendsIt_ReleasesItsHeldCredit_AndTellsTheRequest()
    {
        var live = await _accounts.ActiveAsync("Omar", "Extend");
        var person = Guid.Parse(live.PersonId);
        var credits = new LicenseCredits.LicenseCreditsClient(service.ChannelWithToken(TestTokens.HmisTeam()));
        var secondRequest = Guid.NewGuid();
        await credits.RecordCreditPurchaseAsync(new RecordCreditPurchaseRequest { RequestId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId, Credits = 1, Note = "test" });
        await credits.ReserveCreditsForRequestAsync(new ReserveCreditsForRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = TestTokens.DefaultAgencyId, AccessRequestId = secondRequest.ToString(), PersonIds = { person.ToString() },
        });

        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(), OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), AccessRequestId = secondRequest.ToString(),
            AgencyId = TestTokens.DefaultAgencyId, TransferPath = "FULL_TRANSFER",
            Applicant = new Applicant { PersonId = live.PersonId, GivenName = "Omar", FamilyName = "Extend", Email = "Omar@agency.example.org" },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.Ssvf } },
        });

        var extended = Assert.Single(await service.Redis.WaitForAsync<AccessExtended>(service.StreamOf(AccessExtended.Descriptor), e => e.AccessRequestId == secondRequest.ToString()));
        Assert.Equal((live.Id, live.PersonId), (extended.AccountId, extended.PersonId));
        Assert.Contains(ProjectType.Ssvf, extended.ProjectTypes);
        var accounts = await service.QueryAsync(db => db.Accounts.Where(a => a.PersonId == person).ToListAsync());
        Assert.Single(accounts);
        var reservation = await service.QueryAsync(db => db.CreditReservations.SingleAsync(r => r.AccessRequestId == secondRequest));
        Assert.Equal(Credentialing.Domain.Credits.ReservationStatus.Released, reservation.Status);
        var audit = await service.QueryAsync(db => db.AccountChanges.Where(c => c.AccountId == Guid.Parse(live.Id)).Select(c => c.Kind).ToListAsync());
        Assert.Contains(HmisPlatform.Credentialing.Domain.Accounts.AccountChangeKind.ProjectsAdded, audit);
        await service.QueryAsync(async db => { await CredentialingInvariants.AssertHoldAsync(db, Guid.Parse(TestTokens.DefaultAgencyId)); return 0; });
    }
}
