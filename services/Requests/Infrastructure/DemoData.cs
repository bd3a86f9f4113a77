using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>
/// Demo agencies and ATAs for a first run, so a newcomer can click through the whole journey. Fixed ids make the
/// README's examples work; seeding again restores them without touching anything else.
/// </summary>
public static class DemoData
{
    public static readonly Guid LakeviewAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001");
    public static readonly Guid LakeviewAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101");
    public static readonly Guid SouthsideAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002");
    public static readonly Guid SouthsideAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0102");
    public static readonly Guid NoApaAgencyId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0003");
    public static readonly Guid NoApaAtaId = Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0103");

    public static async Task SeedAsync(RequestsDbContext db, CancellationToken cancellationToken)
    {
        var apaSigned = new DateOnly(2025, 7, 1);
        var apaEnds = new DateOnly(2030, 6, 30);
        await UpsertAsync(db, new Agency(LakeviewAgencyId, "Lakeview Family Services", ["lakeview.example.org"], true, apaSigned, apaEnds),
            new AgencyAdministrator(LakeviewAtaId, LakeviewAgencyId, "Alex Rivera", "alex.rivera@lakeview.example.org"), cancellationToken);
        await UpsertAsync(db, new Agency(SouthsideAgencyId, "Southside Shelter Network", ["southside.example.org"], true, apaSigned, apaEnds),
            new AgencyAdministrator(SouthsideAtaId, SouthsideAgencyId, "Jordan Lee", "jordan.lee@southside.example.org"), cancellationToken);
        await UpsertAsync(db, new Agency(NoApaAgencyId, "Westside Outreach (APA expired)", ["westside.example.org"], true, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31)),
            new AgencyAdministrator(NoApaAtaId, NoApaAgencyId, "Sam Patel", "sam.patel@westside.example.org"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task UpsertAsync(RequestsDbContext db, Agency agency, AgencyAdministrator ata, CancellationToken cancellationToken)
    {
        await UpsertAsync(db.Agencies, agency, agency.Id, cancellationToken);
        await UpsertAsync(db.AgencyAdministrators, ata, ata.Id, cancellationToken);
    }

    private static async Task UpsertAsync<T>(DbSet<T> set, T demo, Guid id, CancellationToken cancellationToken)
        where T : class
    {
        var existing = await set.FindAsync([id], cancellationToken);
        if (existing is null)
        {
            set.Add(demo);
        }
        else
        {
            set.Entry(existing).CurrentValues.SetValues(demo);
        }
    }
}
