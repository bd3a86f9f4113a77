using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>Takes a person of the default test agency to an active account through the events and the API.</summary>
internal sealed class ActiveAccounts(CredentialingFixture service)
{
    public static string Ata { get; } = TestTokens.Person(Guid.NewGuid(), Caller.AtaRole);

    public Credentials.CredentialsClient As(string token) => new(service.ChannelWithToken(token));

    /// <summary>Requests publishes the approval of one person; Credentialing keeps them as an applicant.</summary>
    public async Task<(Guid Person, Guid AccessRequest)> ApproveAsync(
        string given, string family, Guid? person = null, string agencyId = TestTokens.DefaultAgencyId, params ProjectType[] projectTypes)
    {
        var personId = person ?? Guid.NewGuid();
        var accessRequestId = Guid.NewGuid();
        await service.Redis.PublishAsync(service.StreamOf(AccessRequestApproved.Descriptor), new AccessRequestApproved
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            AccessRequestId = accessRequestId.ToString(),
            AgencyId = agencyId,
            Applicant = new Applicant { PersonId = personId.ToString(), GivenName = given, FamilyName = family, Email = $"{given}@agency.example.org" },
            Access = new Access
            {
                Responsibilities = { Responsibility.EnterClientData },
                ProjectTypes = { projectTypes.Length > 0 ? projectTypes : [ProjectType.EmergencyShelter] },
            },
        });
        return (personId, accessRequestId);
    }

    /// <summary>Assessment publishes that the person passed their assignment.</summary>
    public Task PassAsync(Guid person, Guid accessRequest) =>
        service.Redis.PublishAsync(service.StreamOf(AssessmentPassed.Descriptor), new AssessmentPassed
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = person.ToString(),
            AccessRequestId = accessRequest.ToString(),
            AssignmentId = Guid.NewGuid().ToString(),
        });

    public async Task<(Guid Person, Guid AccessRequest)> ApproveAndPassAsync(string given, string family, Guid? person = null)
    {
        var approved = await ApproveAsync(given, family, person);
        await PassAsync(approved.Person, approved.AccessRequest);
        return approved;
    }

    public async Task<Account> AccountOfAsync(Guid person, Guid accessRequest)
    {
        var id = await Eventually.ReturnsAsync(
            () => service.QueryAsync(db => db.Accounts.Where(a => a.PersonId == person && a.AccessRequestId == accessRequest)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync()),
            id => id is not null);
        return (await As(TestTokens.HmisTeam()).GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.ToString() }))
            .Accounts.Single(a => a.Id == id.ToString());
    }

    public async Task<Account> ActiveAsync(string given, string family, Guid? person = null)
    {
        var (personId, accessRequest) = await ApproveAndPassAsync(given, family, person);
        var account = await AccountOfAsync(personId, accessRequest);
        await As(TestTokens.Person(personId, "trainee")).SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AccountId = account.Id,
            TypedFullName = $"{given} {family}",
        });
        return (await As(Ata).ConfirmEndUserAgreementAsync(new ConfirmEndUserAgreementRequest { RequestId = Guid.NewGuid().ToString(), AccountId = account.Id })).Account;
    }
}
