using Grpc.Core;
using Hmis.Credentialing.V1;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>The person's single-use activation link, for their credentials e-mail only.</summary>
public interface IActivationLinks
{
    /// <summary>A new link for the account's user, or null when the account no longer takes one (its password is set).</summary>
    Task<string?> IssueAsync(Guid accountId, CancellationToken cancellationToken);
}

/// <summary>
/// Asks Credentialing for a new activation token, as this service's own client identity (scope
/// <c>credentials.activate</c>, nothing more), and makes it the link to the HMIS's activation page. The token is never
/// logged; a retried event asks for a new one, which voids the one before.
/// </summary>
public sealed class CredentialingActivationLinks(Credentials.CredentialsClient credentials, IOptions<NotificationOptions> options) : IActivationLinks
{
    public async Task<string?> IssueAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (options.Value.ActivationUrl.Length == 0)
        {
            return null;
        }
        try
        {
            var issued = await credentials.IssueActivationTokenAsync(new IssueActivationTokenRequest { AccountId = accountId.ToString() },
                cancellationToken: cancellationToken);
            return $"{options.Value.ActivationUrl}#token={Uri.EscapeDataString(issued.ActivationToken)}";
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            // Set already, or no longer active: the message goes without a link, and says who issues one.
            return null;
        }
    }
}
