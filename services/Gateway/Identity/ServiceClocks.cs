using Grpc.Core;
using Grpc.Net.ClientFactory;
using Hmis.Platform.V1;

namespace HmisPlatform.Gateway.Identity;

/// <summary>
/// Every service's part of the test clock, called with the HMIS team caller's own token: the gateway reads each
/// service's clock (which makes it catch up with the shared offset) and runs each service's sweeps.
/// </summary>
public sealed class ServiceClocks(GrpcClientFactory clients)
{
    /// <summary>The services with a clock of their own, in the order their sweeps run: earlier steps first.</summary>
    public static IReadOnlyList<string> Services { get; } =
        [ResourceNames.TrainingApi, ResourceNames.AssessmentApi, ResourceNames.CredentialingApi, ResourceNames.RequestsApi, ResourceNames.NotificationsApi];

    public static void AddServiceClocks(IHostApplicationBuilder builder)
    {
        foreach (var service in Services)
        {
            builder.Services.AddGrpcClient<ServiceClock.ServiceClockClient>(service, o => o.Address = PlatformTls.ServiceAddress(builder.Configuration, service));
        }
        builder.Services.AddScoped<ServiceClocks>();
    }

    /// <summary>Waits until every service follows at least the offset.</summary>
    public async Task CatchUpAsync(TimeSpan offset, Metadata caller, CancellationToken cancellationToken)
    {
        foreach (var service in Services)
        {
            var clock = await Client(service).GetServiceClockAsync(new GetServiceClockRequest(), caller, cancellationToken: cancellationToken);
            if (clock.Offset.ToTimeSpan() < offset)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"The {service} service did not follow the test clock."));
            }
        }
    }

    /// <summary>Runs every service's sweeps once, in order; returns them as "service/sweep".</summary>
    public async Task<IReadOnlyList<string>> RunSweepsAsync(Metadata caller, CancellationToken cancellationToken)
    {
        var ran = new List<string>();
        foreach (var service in Services)
        {
            try
            {
                var sweeps = await Client(service).RunServiceSweepsAsync(new RunServiceSweepsRequest(), caller, cancellationToken: cancellationToken);
                ran.AddRange(sweeps.Sweeps.Select(s => $"{service}/{s}"));
            }
            catch (RpcException e)
            {
                throw new RpcException(new Status(e.StatusCode, $"{service}: {e.Status.Detail}"));
            }
        }
        return ran;
    }

    private ServiceClock.ServiceClockClient Client(string service) => clients.CreateClient<ServiceClock.ServiceClockClient>(service);
}
