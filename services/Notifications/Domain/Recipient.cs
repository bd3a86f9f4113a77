namespace HmisPlatform.Notifications.Domain;

/// <summary>Someone a notification goes to: its inbox key, address and name.</summary>
public sealed record Recipient(string Key, string Email, string Name, Audience As)
{
    public const string HmisTeamKey = "team:hmis_team";
    public const string CeTeamKey = "team:ce_team";

    /// <summary>An ATA (or Supervisor), whose inbox is keyed by their staff account id.</summary>
    public static Recipient OfAta(Guid ataId, string email, string name) => new(ataId.ToString(), email, name, Audience.Ata);
}

/// <summary>Who hears about a kind of event.</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>The person on their way to HMIS access.</summary>
    User = 1,
    /// <summary>The ATA (or Supervisor) who asked for them.</summary>
    Ata = 2,
    HmisTeam = 4,
    CeTeam = 8,
}
