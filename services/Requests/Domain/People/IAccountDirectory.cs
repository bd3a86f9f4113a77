namespace HmisPlatform.Requests.Domain.People;

/// <summary>Where the facts about people's HMIS accounts come from: the Credentialing service, through its contract.</summary>
public interface IAccountDirectory
{
    /// <summary>The accounts of whoever uses this email or held this HMIS username (either may be null).</summary>
    Task<PersonHistory> FindAsync(string? email, string? hmisUsername, CancellationToken cancellationToken);
}
