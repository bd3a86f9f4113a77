using System.Security.Claims;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Web;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HmisPlatform.Gateway.Tests.Web;

/// <summary>A service's PERMISSION_DENIED to a page's call is a security event, as it is for a proxied call.</summary>
public sealed class PageRefusalAuditTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private sealed class SignedIn(ClaimsPrincipal person) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(person));
    }

    private static readonly Method<Empty, Empty> GetAccessRequest = new(MethodType.Unary, "hmis.requests.v1.AccessRequests", "GetAccessRequest",
        Marshallers.Create<Empty>(m => m.ToByteArray(), Empty.Parser.ParseFrom), Marshallers.Create<Empty>(m => m.ToByteArray(), Empty.Parser.ParseFrom));

    private static AsyncUnaryCall<Empty> Answering(Exception? error) => new(
        error is null ? Task.FromResult(new Empty()) : Task.FromException<Empty>(error),
        Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private async Task<List<SecurityEvent>> RefusalsOfAsync(string personId)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().SecurityEvents
            .Where(e => e.Kind == SecurityEventKinds.PermissionDenied && e.Actor == personId).ToListAsync();
    }

    [Trait("ASVS", "16.3.2")]
    [Fact]
    public async Task APagesRefusedCall_IsRecordedWithThePersonAndTheMethod_AndStillFailsForThePage()
    {
        var personId = Guid.NewGuid().ToString();
        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", personId), new Claim(PlatformIdentity.AgencyClaim, DemoClients.LakeviewAgencyId)], "cookie"));
        var audit = new PageRefusalAudit(new SignedIn(person), gateway.Services.GetRequiredService<IServiceScopeFactory>());
        var context = new ClientInterceptorContext<Empty, Empty>(GetAccessRequest, null, new CallOptions());

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            audit.AsyncUnaryCall(new Empty(), context, (_, _) => Answering(new RpcException(new Status(StatusCode.PermissionDenied, "Not yours")))).ResponseAsync);
        await audit.AsyncUnaryCall(new Empty(), context, (_, _) => Answering(null)).ResponseAsync;
        await Assert.ThrowsAsync<RpcException>(() =>
            audit.AsyncUnaryCall(new Empty(), context, (_, _) => Answering(new RpcException(new Status(StatusCode.NotFound, "Gone")))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var recorded = Assert.Single(await RefusalsOfAsync(personId));
        Assert.Equal(("/hmis.requests.v1.AccessRequests/GetAccessRequest", Guid.Parse(DemoClients.LakeviewAgencyId)), (recorded.Subject, recorded.AgencyId));
    }
}
