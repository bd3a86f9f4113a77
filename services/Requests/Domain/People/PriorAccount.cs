using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.People;

/// <summary>Where an HMIS account of a person stands, as Credentialing answers.</summary>
public enum AccountState
{
    /// <summary>Made, waiting for the End User Agreement.</summary>
    Pending,

    /// <summary>Live credentials.</summary>
    Active,

    /// <summary>Access removed (inactivity, deactivation).</summary>
    Removed,
}

/// <summary>One HMIS account of a person, the facts the request forms need: where, what, and when last used.</summary>
public sealed record PriorAccount(Guid PersonId, Guid AgencyId, AccountState State, IReadOnlyList<ProjectType> ProjectTypes, DateTimeOffset LastSeenAt);
