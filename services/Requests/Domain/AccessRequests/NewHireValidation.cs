using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// An ATA or Supervisor of the agency vouched, signed in as themselves, that the request's people are the agency's new
/// hires. Kept for good: one per administrator and request.
/// </summary>
public sealed class NewHireValidation
{
    public Guid AdministratorId { get; private set; }

    public string FullName { get; private set; } = "";

    public AdministratorRole Role { get; private set; }

    public DateTimeOffset ValidatedAt { get; private set; }

    public NewHireValidation(Guid administratorId, string fullName, AdministratorRole role, DateTimeOffset validatedAt) =>
        (AdministratorId, FullName, Role, ValidatedAt) = (administratorId, fullName, role, validatedAt);

    private NewHireValidation()
    {
    }
}
