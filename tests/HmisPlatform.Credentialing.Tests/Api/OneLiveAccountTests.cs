using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using AccountRoute = Hmis.Credentialing.V1.AccountRoute;
using ProjectType = Hmis.Common.V1.ProjectType;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>At most one live account per person per agency: by the handler's rule and by the database's own index.</summary>
public sealed class OneLiveAccountTests(CredentialingFixture service) : IClassFixture<CredentialingFixture>
{
    private readonly ActiveAccounts _accounts = new(service);

    [Fact]
    public async Task ASecondRequestPassed_GrantsItsProjectsToTheLiveAccount_InsteadOfASecondAccount()
    {
        var person = Guid.NewGuid();
        var (_, first) = await _accounts.ApproveAsync("Rafa", "Quint", person, projectTypes: ProjectType.EmergencyShelter);
        var (_, second) = await _accounts.ApproveAsync("Rafa", "Quint", person, projectTypes: ProjectType.ServicesOnly);

        await Task.WhenAll(_accounts.PassAsync(person, first), _accounts.PassAsync(person, second));

        var account = await Eventually.ReturnsAsync(
            () => service.QueryAsync(db => db.Accounts.AsNoTracking().Where(a => a.PersonId == person).ToListAsync()),
            accounts => accounts.Count == 1 && accounts[0].ProjectTypes.Count == 2);
        Assert.Equal([BuildingBlocks.Domain.ProjectType.EmergencyShelter, BuildingBlocks.Domain.ProjectType.ServicesOnly], account[0].ProjectTypes.Order());
    }

    [Fact]
    public async Task TwoLiveAccountsForOnePersonAtOneAgency_AreRefusedByTheDatabase_EvenWhenInsertedAtOnce()
    {
        var person = Guid.NewGuid();
        var applicant = new HmisPlatform.Credentialing.Domain.Applicants.Applicant(person, Guid.NewGuid(), Guid.Parse(TestTokens.DefaultAgencyId), "Sol", "Avni", "sol@agency.example.org", [BuildingBlocks.Domain.ProjectType.EmergencyShelter]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = service.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CredentialingDbContext>();
            db.Accounts.Add(HmisAccount.Issue(applicant, $"savni-race-{i}", Credentialing.Domain.Accounts.AccountRoute.AssessmentPassed, Actor.Platform("test"), DateTimeOffset.UtcNow));
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DbUpdateException>(), e =>
            Assert.Equal("ux_accounts_one_live_per_person_agency", Assert.IsType<PostgresException>(e.InnerException).ConstraintName));
    }
}
