using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// A person has at most one open request per agency (DOMAIN: the ATA withdraws or finishes one before asking again).
/// A request naming someone, by e-mail or by person id, who has an open request at the agency is refused, naming each
/// such user. The database's unique index on open requested users holds the rule under races too.
/// </summary>
public static class OneOpenRequest
{
    public const string Reason = "OPEN_REQUEST_EXISTS";

    /// <summary>Who the agency's open requests already name.</summary>
    public sealed record OpenUser(string Email, Guid PersonId);

    public static void Ensure(AccessRequest request, IReadOnlyCollection<OpenUser> openAtTheAgency)
    {
        var clashes = request.Users.Select((user, index) => (user, index))
            .Where(x => openAtTheAgency.Any(o => o.Email == x.user.Email || o.PersonId == x.user.PersonId))
            .ToList();
        if (clashes.Count > 0)
        {
            throw Refusal([.. clashes.Select(c => new FieldViolation($"users[{c.index}].email", "has an open request at this agency", Reason))]);
        }
    }

    /// <summary>The refusal, also when the database's index caught a race the check could not see.</summary>
    public static DomainException Refusal(params FieldViolation[] violations) =>
        new(ErrorKind.AlreadyExists, Reason, "A user already has an open request at this agency.") { FieldViolations = violations };
}
