namespace HmisPlatform;

/// <summary>The names of the AppHost's resources, which are also the connection and service-discovery names the services use.</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string RequestsDb = "requestsdb";
    public const string TrainingDb = "trainingdb";
    public const string AssessmentDb = "assessmentdb";
    public const string CredentialingDb = "credentialingdb";
    public const string GatewayDb = "gatewaydb";
    public const string NotificationsDb = "notificationsdb";
    public const string RequestsApi = "requests-api";
    public const string TrainingApi = "training-api";
    public const string AssessmentApi = "assessment-api";
    public const string CredentialingApi = "credentialing-api";
    public const string NotificationsApi = "notifications-api";
    public const string Gateway = "gateway";
    public const string MailCatcher = "mail-catcher";

    /// <summary>The five services behind the gateway, each with its own database.</summary>
    public static readonly IReadOnlyList<string> DomainServices = [RequestsApi, TrainingApi, AssessmentApi, CredentialingApi, NotificationsApi];

    /// <summary>Every long-running process of a local run: the platform is up when each of them is healthy.</summary>
    public static readonly IReadOnlyList<string> Processes = [Gateway, .. DomainServices, MailCatcher];

    /// <summary>The migration step of a service: the service's own binary run with <c>--migrate</c>.</summary>
    public static string MigrationsOf(string project) => $"{project.Replace("-api", string.Empty, StringComparison.Ordinal)}-migrations";

    /// <summary>The dashboard command on the Requests resource that restores the demo data (Development only).</summary>
    public const string ReseedDemoDataCommand = "reseed-demo-data";

    /// <summary>The health endpoint every process serves over HTTP/1.1.</summary>
    public const string HealthPath = "/health";

    /// <summary>The Kestrel endpoint that speaks HTTP/2 only (gRPC); "http" is HTTP/1.1 for probes and pages.</summary>
    public const string GrpcEndpoint = "grpc";
}
