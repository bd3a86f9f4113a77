using Grpc.Core;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>The authenticated caller of a gRPC call, from the claims of its validated access token.</summary>
public static class CallerContext
{
    public static Caller Caller(this ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var agency = user.FindFirst(PlatformIdentity.AgencyClaim)?.Value;
        return new Caller(
            user.FindFirst("sub")?.Value ?? string.Empty,
            Guid.TryParse(agency, out var agencyId) ? agencyId : null,
            user.HasClaim(PlatformIdentity.RoleClaim, PlatformIdentity.HmisTeamRole),
            user.FindFirst(PlatformIdentity.RoleClaim)?.Value,
            user.FindFirst(PlatformIdentity.ClientIdClaim)?.Value);
    }
}
