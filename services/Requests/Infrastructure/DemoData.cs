using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>
/// Demo agencies and ATAs for a first run, so a newcomer can click through the whole journey. Fixed ids make the
/// README's examples work (the ATAs' ids are their staff accounts' ids at the gateway); seeding again restores them
/// without touching anything else.
/// </summary>
public static class DemoData
{
    public static readonly Guid LakeviewAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001");
    public static readonly Guid LakeviewAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101");
    public static readonly Guid SouthsideAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002");
    public static readonly Guid SouthsideAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0102");
    public static readonly Guid NoApaAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0003");
    public static readonly Guid NoApaAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0103");
    public static readonly Guid LakeviewSupervisorId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0104");

    /// <summary>Every project type once, so demo requests may name any of them.</summary>
    private static IEnumerable<(string, ProjectType)> AllProjects(string prefix) =>
        Enum.GetValues<ProjectType>().Where(t => t != ProjectType.Unspecified).Select(t => ($"{prefix} {t}", t));

    public static async Task SeedAsync(RequestsDbContext db, CancellationToken cancellationToken)
    {
        var trainedOn = new DateOnly(2025, 12, 15);
        var appointed = new DateOnly(2025, 11, 1);
        await UpsertAsync(db, LakeviewAgencyId, AgencyProfile.Create("Lakeview Family Services", ["lakeview.example.org"], true, "2025-07-01", "2030-06-30", AllProjects("Lakeview")),
            new AgencyAdministrator(LakeviewAtaId, LakeviewAgencyId, "Alex Rivera", "alex.rivera@lakeview.example.org", AdministratorRole.Ata, appointed), trainedOn, cancellationToken);
        await UpsertAsync(db, SouthsideAgencyId, AgencyProfile.Create("Southside Shelter Network", ["southside.example.org"], true, "2025-07-01", "2030-06-30", AllProjects("Southside")),
            new AgencyAdministrator(SouthsideAtaId, SouthsideAgencyId, "Jordan Lee", "jordan.lee@southside.example.org", AdministratorRole.Ata, appointed), trainedOn, cancellationToken);
        await UpsertAsync(db, NoApaAgencyId, AgencyProfile.Create("Westside Outreach (APA expired)", ["westside.example.org"], true, "2022-01-01", "2024-12-31", [("Westside Street Outreach", ProjectType.OutreachPath)]),
            new AgencyAdministrator(NoApaAtaId, NoApaAgencyId, "Sam Patel", "sam.patel@westside.example.org", AdministratorRole.Ata, appointed), null, cancellationToken);
        // Lakeview's Supervisor validates its new hires alongside the ATA.
        await UpsertAdministratorAsync(db,
            new AgencyAdministrator(LakeviewSupervisorId, LakeviewAgencyId, "Morgan Ellis", "morgan.ellis@lakeview.example.org", AdministratorRole.Supervisor, appointed),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task UpsertAsync(
        RequestsDbContext db, Guid agencyId, AgencyProfile profile, AgencyAdministrator ata, DateOnly? trainedOn, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.FindAsync([agencyId], cancellationToken);
        if (agency is null)
        {
            db.Agencies.Add(new Agency(agencyId, profile));
        }
        else
        {
            agency.Update(profile);
        }
        if (trainedOn is { } day)
        {
            ata.RecordTraining(AtaTrainingKind.LiveSession, day, day);
        }
        await UpsertAdministratorAsync(db, ata, cancellationToken);
    }

    private static async Task UpsertAdministratorAsync(RequestsDbContext db, AgencyAdministrator administrator, CancellationToken cancellationToken)
    {
        var existing = await db.AgencyAdministrators.FindAsync([administrator.Id], cancellationToken);
        if (existing is null)
        {
            db.AgencyAdministrators.Add(administrator);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(administrator);
        }
    }
}
