namespace HmisPlatform.Requests.Domain.People;

/// <summary>The agency's license credits, kept by the Credentialing service.</summary>
public interface ILicenseCredits
{
    /// <summary>
    /// Reserves one credit per person of the request, all or none; the same key reserves nothing twice. Not enough
    /// credits: a RESOURCE_EXHAUSTED domain exception naming the agency.
    /// </summary>
    Task ReserveAsync(Guid idempotencyKey, Guid agencyId, Guid accessRequestId, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken);
}
