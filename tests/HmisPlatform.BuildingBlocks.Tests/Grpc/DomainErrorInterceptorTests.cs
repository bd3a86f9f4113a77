using Grpc.Core;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace HmisPlatform.BuildingBlocks.Tests.Grpc;

public sealed class DomainErrorInterceptorTests
{
    private static readonly DomainErrorInterceptor Interceptor = new(new ErrorDomain("hmis.test"), NullLogger<DomainErrorInterceptor>.Instance);

    private static Task<string> Call(Exception thrown) =>
        Interceptor.UnaryServerHandler<string, string>("request", new FakeCallContext(), (_, _) => throw thrown);

    [Fact]
    public async Task DomainException_BecomesItsRichStatus()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Call(DomainException.NotFound("ACCOUNT_NOT_FOUND", "No such account.")));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("No such account.", error.Status.Detail);
    }

    [Fact]
    public async Task UnexpectedException_BecomesInternalWithoutItsMessage()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new InvalidOperationException("SELECT secret FROM people WHERE email='x@y.org'")));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("SELECT", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("x@y.org", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveredDatabaseConnection_BecomesUnavailableWithARetryDelay_WithoutItsMessage()
    {
        var severed = new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL",
            Npgsql.PostgresErrorCodes.AdminShutdown);

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", severed)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(DomainErrorInterceptor.UnavailableReason, HmisPlatform.Testing.RpcErrors.Reason(error));
        Assert.Equal(Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(RichStatus.DefaultRetryAfter),
            error.GetRpcStatus()!.Details.Single(d => d.Is(Google.Rpc.RetryInfo.Descriptor)).Unpack<Google.Rpc.RetryInfo>().RetryDelay);
        Assert.DoesNotContain("administrator", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseRefusalThatIsNoOutage_StaysInternal()
    {
        var violation = new Npgsql.PostgresException("null value in column", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.NotNullViolation);

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", violation)));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task RpcException_PassesThroughUnchanged()
    {
        var original = new RpcException(new Status(StatusCode.Unauthenticated, "no token"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(original));

        Assert.Same(original, error);
    }

    private sealed class FakeCallContext : ServerCallContext
    {
        protected override string MethodCore => "/hmis.test.v1.Test/Call";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
