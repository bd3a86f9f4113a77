using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HmisPlatform.BuildingBlocks.Hosting;

/// <summary>
/// What a process will not run in Production without. Each requirement names the setting and what is wrong, never
/// a value; every unmet one is listed in the one start-up error, so an operator fixes them all in one go. The check
/// runs when the host starts, so the migration step (which never starts the host) is not held to it.
/// </summary>
public sealed class ProductionReadiness
{
    /// <summary>A secret shorter than this, or one of the demo secrets, is not a production secret.</summary>
    public const int MinimumSecretLength = 32;

    private readonly List<Requirement> _requirements = [];

    public IReadOnlyList<Requirement> Requirements => _requirements;

    public void Add(Requirement requirement) => _requirements.Add(requirement);

    /// <summary>The problems of this configuration, in the order they were required.</summary>
    public IReadOnlyList<string> ProblemsWith(IConfiguration configuration) =>
        [.. _requirements.Where(r => !r.HoldsFor(configuration)).Select(r => r.Problem)];

    /// <summary>Whether a configured secret would do in Production: long enough and not a demo one.</summary>
    public static bool IsProductionSecret(string? secret) =>
        secret is { Length: >= MinimumSecretLength } && !secret.Contains("demo", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every address Kestrel is told to listen on (its endpoints, and <c>urls</c>); none means its plain-HTTP default.</summary>
    public static IReadOnlyList<string> ListenUrls(IConfiguration configuration)
    {
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>()
            .Concat((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return urls.Count == 0 ? ["http://localhost:5000"] : urls;
    }

    /// <summary>Whether an address is HTTPS.</summary>
    public static bool IsHttps(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}

/// <param name="Problem">What is wrong when it does not hold, naming the setting that puts it right.</param>
public sealed record Requirement(string Problem, Func<IConfiguration, bool> HoldsFor);

public static class ProductionReadinessExtensions
{
    /// <summary>Production refuses to start unless <paramref name="holdsFor"/> holds for its configuration.</summary>
    public static IHostApplicationBuilder RequireInProduction(this IHostApplicationBuilder builder, string problem, Func<IConfiguration, bool> holdsFor)
    {
        var readiness = builder.Services.Where(s => s.ServiceType == typeof(ProductionReadiness)).Select(s => s.ImplementationInstance)
            .OfType<ProductionReadiness>().SingleOrDefault();
        if (readiness is null)
        {
            readiness = new ProductionReadiness();
            builder.Services.AddSingleton(readiness);
            if (builder.Environment.IsDeployed())
            {
                builder.Services.AddSingleton<IValidateOptions<ProductionReadiness>, Validator>();
                builder.Services.AddOptions<ProductionReadiness>().ValidateOnStart();
            }
        }
        readiness.Add(new Requirement(problem, holdsFor));
        return builder;
    }

    /// <summary>Production refuses to start with a secret setting that is missing, short, or a demo one.</summary>
    public static IHostApplicationBuilder RequireProductionSecret(this IHostApplicationBuilder builder, string setting) =>
        builder.RequireInProduction($"{setting} is missing, shorter than {ProductionReadiness.MinimumSecretLength} characters, or a demo secret.",
            configuration => ProductionReadiness.IsProductionSecret(configuration[setting]));

    /// <summary>
    /// Production calls other platform services over HTTPS only: every address service discovery is given
    /// (<c>services:{name}:{endpoint}</c>) is HTTPS. Their certificates may chain to the platform CA (<see cref="PlatformTls"/>).
    /// </summary>
    public static IHostApplicationBuilder RequireTlsToServices(this IHostApplicationBuilder builder) =>
        builder.RequireInProduction("an address under services: is not HTTPS: calls between services would carry tokens and personal data in clear.",
            configuration => configuration.GetSection("services").GetChildren().SelectMany(s => s.GetChildren()).SelectMany(e => e.GetChildren())
                .All(address => ProductionReadiness.IsHttps(address.Value)));

    /// <summary>Production serves this process's API over HTTPS only (Kestrel endpoints or <c>urls</c>).</summary>
    public static IHostApplicationBuilder RequireHttpsEndpoints(this IHostApplicationBuilder builder) =>
        builder.RequireInProduction("the service listens on plain HTTP: give its Kestrel endpoints HTTPS URLs and a certificate (Kestrel:Certificates:Default).",
            configuration => ProductionReadiness.ListenUrls(configuration).All(ProductionReadiness.IsHttps));

    private sealed class Validator(ProductionReadiness readiness, IConfiguration configuration) : IValidateOptions<ProductionReadiness>
    {
        public ValidateOptionsResult Validate(string? name, ProductionReadiness options)
        {
            var problems = readiness.ProblemsWith(configuration);
            return problems.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(problems.Select(p => $"Production will not start: {p}"));
        }
    }
}
