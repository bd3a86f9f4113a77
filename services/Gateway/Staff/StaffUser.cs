using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// A person who signs in: HMIS team, CE team, an agency's ATA or Supervisor, or a trainee. The user name is their
/// work e-mail. The id is the person's id across the platform (an ATA's id is the one Requests knows them by).
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    /// <summary>One of <see cref="Domain.StaffRoles"/>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The agency an ATA, Supervisor or trainee belongs to; null for the HMIS and CE teams.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>When the HMIS team deactivated the account; null while it is active.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
