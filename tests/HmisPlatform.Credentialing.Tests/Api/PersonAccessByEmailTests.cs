using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Testing;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>Look-ups by email, as Requests needs them to tell new users from returning ones.</summary>
public sealed class PersonAccessByEmailTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    [Fact]
    public async Task Email_InAnyCaseOrWithSpaces_FindsThePersonsAccounts()
    {
        var account = await _accounts.ActiveAsync("Zofia", "Nowak");

        var found = await _accounts.As(TestTokens.HmisTeam()).FindPersonAccessByEmailAsync(new FindPersonAccessByEmailRequest { Email = "  ZOFIA@Agency.Example.org " });

        Assert.Equal(account.Id, Assert.Single(found.Accounts).Id);
        Assert.Equal("zofia@agency.example.org", found.Accounts[0].Email);
    }

    [Fact]
    public async Task AnotherAgency_FindsNothing_AndALookAlikeAddressIsRefused()
    {
        await _accounts.ActiveAsync("Yusuf", "Demir");
        var otherAgency = _accounts.As(TestTokens.Issue(agencyId: Guid.NewGuid().ToString()));

        var seen = await otherAgency.FindPersonAccessByEmailAsync(new FindPersonAccessByEmailRequest { Email = "yusuf@agency.example.org" });
        // A Cyrillic "у" in place of the Latin "y".
        var error = await RpcErrors.CatchAsync(() => service.Client.FindPersonAccessByEmailAsync(new FindPersonAccessByEmailRequest { Email = "\u0443usuf@agency.example.org" }).ResponseAsync);

        Assert.Empty(seen.Accounts);
        Assert.Equal((StatusCode.InvalidArgument, EmailAddress.InvalidReason, "email"), (error.StatusCode, error.Reason(), error.ViolatedFields().Single()));
    }

    [Fact]
    public async Task ATrainee_SeesTheirOwnAccount_NotAnotherPersonsOfTheirAgency()
    {
        var mine = await _accounts.ActiveAsync("Kai", "Moran");
        var theirs = await _accounts.ActiveAsync("Lia", "Ferro");
        var trainee = _accounts.As(TestTokens.Person(Guid.Parse(mine.PersonId), Caller.TraineeRole));

        var own = await trainee.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = mine.PersonId });
        var other = await trainee.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = theirs.PersonId });
        var byEmail = await trainee.FindPersonAccessByEmailAsync(new FindPersonAccessByEmailRequest { Email = "lia@agency.example.org" });
        var deactivate = await RpcErrors.CatchAsync(() => trainee.DeactivateAccountAsync(new DeactivateAccountRequest
            { RequestId = Guid.NewGuid().ToString(), AccountId = theirs.Id, Reason = RemovalReason.LeftAgency }).ResponseAsync);

        Assert.Equal(mine.Id, Assert.Single(own.Accounts).Id);
        Assert.Empty(other.Accounts);
        Assert.Empty(byEmail.Accounts);
        Assert.Equal((StatusCode.PermissionDenied, Caller.NotAvailableReason), (deactivate.StatusCode, deactivate.Reason()));
    }
}
