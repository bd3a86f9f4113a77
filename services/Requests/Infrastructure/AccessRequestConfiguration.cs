using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HmisPlatform.Requests.Infrastructure;

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> request)
    {
        request.HasKey(r => r.Id);
        request.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId);
        request.HasOne<AgencyAdministrator>().WithMany().HasForeignKey(r => r.AtaId);
        request.HasOne<AccessRequest>().WithMany().HasForeignKey(r => r.ReplacesAccessRequestId);
        request.Property(r => r.Version).IsRowVersion();
        request.Property(r => r.SubmittedBy).HasMaxLength(200);
        request.Property(r => r.Note).HasMaxLength(4000);
        request.Property(r => r.DecisionReason).HasMaxLength(4000);
        request.Property(r => r.InformationProvided).HasMaxLength(4000);
        request.Ignore(r => r.Etag);
        request.Ignore(r => r.WaitingOn);
        request.Ignore(r => r.IsCeBusiness);
        request.OwnsMany(r => r.Users, user =>
        {
            user.ToTable("requested_users");
            user.WithOwner().HasForeignKey("AccessRequestId");
            user.HasKey("AccessRequestId", nameof(RequestedUser.PersonId));
            user.Property(u => u.GivenName).HasMaxLength(100);
            user.Property(u => u.FamilyName).HasMaxLength(100);
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.LmsUsername).HasMaxLength(100);
            user.HasIndex(u => u.Email);
            user.HasIndex(u => u.PersonId);
            // One open request per person per agency, held by the database as well as by the code.
            user.HasIndex(u => new { u.AgencyId, u.Email }).IsUnique().HasFilter("is_open").HasDatabaseName("ux_requested_users_open_email");
            user.HasIndex(u => new { u.AgencyId, u.PersonId }).IsUnique().HasFilter("is_open").HasDatabaseName("ux_requested_users_open_person");
        });
        request.Navigation(r => r.Users).UsePropertyAccessMode(PropertyAccessMode.Field);
        request.OwnsMany(r => r.NewHireValidations, validation =>
        {
            validation.ToTable("new_hire_validations");
            validation.HasAnnotation(AuditModel.AppendOnlyAnnotation, true);
            validation.WithOwner().HasForeignKey("AccessRequestId");
            validation.HasKey("AccessRequestId", nameof(NewHireValidation.AdministratorId));
            validation.Property(v => v.FullName).HasMaxLength(200);
        });
        request.Navigation(r => r.NewHireValidations).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_validations");
        // The queues read by status (and type, or agency), oldest first, a keyset page at a time.
        request.HasIndex(r => new { r.Status, r.SubmittedAt, r.Id });
        request.HasIndex(r => new { r.Status, r.Type, r.SubmittedAt, r.Id });
        request.HasIndex(r => new { r.AgencyId, r.Status, r.SubmittedAt, r.Id });
        request.HasIndex(r => new { r.AgencyId, r.SubmittedAt, r.Id });
        request.HasIndex(r => new { r.SubmittedAt, r.Id });
    }
}
