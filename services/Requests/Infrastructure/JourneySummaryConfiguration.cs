using HmisPlatform.Requests.Domain.Journeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class JourneySummaryConfiguration : IEntityTypeConfiguration<JourneySummary>
{
    public void Configure(EntityTypeBuilder<JourneySummary> journey)
    {
        journey.ToTable("journeys");
        journey.HasKey(j => j.PersonId);
        // Lists: every agency or one, by stage, longest in their stage first.
        journey.HasIndex(j => new { j.StageStartedAt, j.PersonId });
        journey.HasIndex(j => new { j.CurrentStage, j.StageStartedAt, j.PersonId });
        journey.HasIndex(j => new { j.AgencyId, j.StageStartedAt, j.PersonId });
        journey.HasIndex(j => new { j.AgencyId, j.CurrentStage, j.StageStartedAt, j.PersonId });
    }
}
