using Hmis.Requests.V1;

namespace HmisPlatform.Gateway.Web;

/// <summary>Agency names by id, for the teams' lists across agencies: read once per page, as the signed-in person.</summary>
public static class AgencyNames
{
    /// <summary>The names; none when the Requests service cannot give them, and the lists then show each agency's reference.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(Agencies.AgenciesClient agencies, PlatformCalls calls)
    {
        var listed = await Loaded<ListAgenciesResponse>.FromAsync("Requests", async o => await agencies.ListAgenciesAsync(new ListAgenciesRequest(), o), calls);
        return listed.Value?.Agencies.ToDictionary(a => a.Id, a => a.Name) ?? new Dictionary<string, string>();
    }
}
