using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;

namespace HmisPlatform.Requests.Tests.Domain;

/// <summary>The go-live import's rules for agencies and their administrators.</summary>
public sealed class AgencyImportTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static AgencyImport Import(IEnumerable<Agency>? agencies = null, IEnumerable<AgencyAdministrator>? administrators = null) =>
        new(agencies ?? [], administrators ?? [], Today, Guid.NewGuid);

    [Fact]
    public void ANewAgency_ThenItsAdministrator_AreNew_AndTheSameRowsAgainUnchanged()
    {
        var first = Import();
        var agency = first.Agency(2, "Lakeshore Shelter", ["lakeshore.example.org"], "2025-01-01", "", [ProjectType.EmergencyShelter]);
        var ata = first.Administrator(2, "LAKESHORE shelter", AdministratorRole.Ata, "Ada", "Okoro", "ada@lakeshore.example.org", "2025-12-15");

        var second = Import(first.NewAgencies, first.NewAdministrators);
        var agencyAgain = second.Agency(2, "Lakeshore Shelter", ["lakeshore.example.org"], "2025-01-01", "", [ProjectType.EmergencyShelter]);
        var ataAgain = second.Administrator(2, "Lakeshore Shelter", AdministratorRole.Ata, "Ada", "Okoro", "ada@lakeshore.example.org", "2025-12-15");

        Assert.Equal((ImportOutcome.New, ImportOutcome.New), (agency.Outcome, ata.Outcome));
        Assert.Equal((ImportOutcome.Unchanged, ImportOutcome.Unchanged), (agencyAgain.Outcome, ataAgain.Outcome));
        Assert.Equal((agency.Id, ata.Id), (agencyAgain.Id, ataAgain.Id));
        Assert.Equal(AtaTrainingKind.BeforeGoLive, first.NewAdministrators.Single().TrainingKind);
        Assert.True(first.NewAgencies.Single().HasCurrentApa(Today));
    }

    [Fact]
    public void ACorrectedAgency_IsUpdated_KeepingTheNamesOfProjectsItStillRuns()
    {
        var first = Import();
        first.Agency(2, "Lakeshore Shelter", ["lakeshore.example.org"], "2025-01-01", "", [ProjectType.EmergencyShelter]);
        var agency = first.NewAgencies.Single();

        var corrected = Import([agency]).Agency(2, "Lakeshore Shelter", ["lakeshore.example.org"], "2025-01-01", "2026-06-30", [ProjectType.EmergencyShelter, ProjectType.Ssvf]);

        Assert.Equal(ImportOutcome.Updated, corrected.Outcome);
        Assert.Equal(new DateOnly(2026, 6, 30), agency.ApaEndsOn);
        Assert.False(agency.HasCurrentApa(Today));
        Assert.Equal([ProjectType.EmergencyShelter, ProjectType.Ssvf], agency.Projects.Select(p => p.ProjectType));
    }

    [Theory]
    [InlineData("No Such Agency", "ada@lakeshore.example.org", "2025-12-15", "agency_name", AgencyImport.UnknownAgencyReason)]
    [InlineData("Lakeshore Shelter", "ada@gmail.com", "2025-12-15", "email", "EMAIL_NOT_AGENCY_DOMAIN")]
    [InlineData("Lakeshore Shelter", "ada@lakeshore.example.org", "2027-01-01", "ata_training_completed_on", ImportBatch.FutureDateReason)]
    [InlineData("Lakeshore Shelter", "ada@lakeshore.example.org", "15/12/2025", "ata_training_completed_on", ImportBatch.InvalidDateReason)]
    public void AnAdministratorRow_IsRefusedByColumn_AndNamesNobody(string agencyName, string email, string trainedOn, string column, string reason)
    {
        var import = Import();
        import.Agency(2, "Lakeshore Shelter", ["lakeshore.example.org"], "2025-01-01", "", [ProjectType.EmergencyShelter]);

        var row = import.Administrator(3, agencyName, AdministratorRole.Ata, "Ada", "Okoro", email, trainedOn);

        Assert.Equal(ImportOutcome.Refused, row.Outcome);
        Assert.Contains(row.Problems, p => p.Field == column && p.Reason == reason);
        Assert.Empty(import.NewAdministrators);
    }

    [Fact]
    public void AnAgencyRow_IsRefusedByColumn_WithEveryProblem()
    {
        var import = Import();

        var row = import.Agency(2, "Lakeshore Shelter", ["not a domain"], "2025-01-01", "2024-01-01", [ProjectType.EmergencyShelter]);
        var noProjects = import.Agency(3, "Another", ["another.example.org"], "2025-01-01", "", []);
        var twice = import.Agency(4, "Another", ["another.example.org"], "2025-01-01", "", [ProjectType.Ssvf]);
        var again = import.Agency(5, "ANOTHER", ["another.example.org"], "2025-01-01", "", [ProjectType.Ssvf]);

        Assert.Equal(["email_domains", "apa_end"], row.Problems.Select(p => p.Field));
        Assert.Equal("project_types", Assert.Single(noProjects.Problems).Field);
        Assert.Equal(ImportOutcome.New, twice.Outcome);
        Assert.Equal(ImportBatch.DuplicateInFileReason, Assert.Single(again.Problems).Reason);
        Assert.Single(import.NewAgencies);
    }
}
