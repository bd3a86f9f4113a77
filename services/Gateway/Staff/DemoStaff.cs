using HmisPlatform.Gateway.Domain;
using Microsoft.AspNetCore.Identity;

namespace HmisPlatform.Gateway.Staff;

/// <summary>
/// The people of a Development run's demo (listed in the README): the HMIS team, the CE team, and the ATAs and the
/// Supervisor of the demo agencies (whom the Requests service's demo data knows by the same ids). Each signs in with a
/// second factor whose authenticator key is published here, for the demo only.
/// </summary>
public static class DemoStaff
{
    public const string Password = "Demo-access-2026";

    public static readonly DemoPerson HmisLead = new(Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0201"), "hmis.lead@hmis.example.org", StaffRoles.HmisTeam, null, "HMISDEMOLEADKEY2HMISDEMOLEADKEY2");
    public static readonly DemoPerson CeCoordinator = new(Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0202"), "ce.coordinator@hmis.example.org", StaffRoles.CeTeam, null, "HMISDEMOCETEAMKEY2HMISDEMOCETEAM");
    public static readonly DemoPerson LakeviewAta = new(Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0101"), "alex.rivera@lakeview.example.org", StaffRoles.Ata, Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001"), "LAKEVIEWATAKEY2LAKEVIEWATAKEY2AA");
    public static readonly DemoPerson SouthsideAta = new(Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0102"), "jordan.lee@southside.example.org", StaffRoles.Ata, Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002"), "SOUTHSIDEATAKEY2SOUTHSIDEATAKEY2");

    public static readonly DemoPerson LakeviewSupervisor = new(Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0104"), "morgan.ellis@lakeview.example.org", StaffRoles.Supervisor, Guid.Parse("0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001"), "LAKEVIEWSUPERVISORKEY2LAKEVIEWSU");

    public static IReadOnlyList<DemoPerson> All { get; } = [HmisLead, CeCoordinator, LakeviewAta, SouthsideAta, LakeviewSupervisor];

    public static async Task SeedAsync(UserManager<StaffUser> users)
    {
        foreach (var person in All)
        {
            if (await users.FindByIdAsync(person.Id.ToString()) is { } existing)
            {
                // A demo database from before its people had authenticators gets them.
                if (!existing.TwoFactorEnabled && person.AuthenticatorKey is { } missing)
                {
                    await GiveAuthenticatorAsync(users, existing, missing);
                }
                continue;
            }
            var user = new StaffUser { Id = person.Id, UserName = person.Email, Email = person.Email, EmailConfirmed = true, Role = person.Role, AgencyId = person.AgencyId };
            Ensure(await users.CreateAsync(user, Password));
            if (person.AuthenticatorKey is { } key)
            {
                await GiveAuthenticatorAsync(users, user, key);
            }
        }
    }

    // Identity keeps the authenticator key as a user token of its own store.
    private static async Task GiveAuthenticatorAsync(UserManager<StaffUser> users, StaffUser user, string key)
    {
        Ensure(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key));
        Ensure(await users.SetTwoFactorEnabledAsync(user, true));
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding a demo person failed: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        }
    }
}

/// <summary>A demo person: the id, e-mail and role they sign in with, and the authenticator key where they need one.</summary>
public sealed record DemoPerson(Guid Id, string Email, string Role, Guid? AgencyId, string? AuthenticatorKey);
