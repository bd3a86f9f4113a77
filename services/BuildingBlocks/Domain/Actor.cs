namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// Who did a step, as its append-only record keeps it: the subject (a person's id, or a client's id for a system),
/// their role, and the client they acted through (an agency's system acting for a person, or the web UI).
/// </summary>
public sealed record Actor(string Subject, string Role, string ClientId)
{
    public const int MaxLength = 200;

    /// <summary>The role recorded for an agency's own system, which carries none in its token.</summary>
    public const string AgencySystemRole = "agency_system";

    /// <summary>The platform itself, acting on an event or in a sweep.</summary>
    public static Actor Platform(string service) => new(service, Caller.PlatformServiceRole, "");

    public override string ToString() => ClientId.Length > 0 && ClientId != Subject ? $"{Role}:{Subject} via {ClientId}" : $"{Role}:{Subject}";
}
