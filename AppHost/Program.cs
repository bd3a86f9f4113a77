using HmisPlatform.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--infra"] = "Infrastructure:Mode", ["--images"] = "Infrastructure:Images" });

var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
var infrastructure = InfrastructureMode.Resolve(options.Mode) == InfrastructureMode.Containers
    ? builder.AddContainerInfrastructure(options)
    : builder.AddLocalInfrastructure(options);

// The gateway first: every service trusts the tokens its discovery document describes.
var gatewayPorts = builder.Configuration.GetSection("Gateway");
var gateway = builder.AddProject<Projects.HmisPlatform_Gateway>(ResourceNames.Gateway)
    // Fixed ports agency systems and people can rely on (5080 HTTP, 5081 gRPC); Gateway:HttpPort / Gateway:GrpcPort move them.
    .WithEndpoint("http", e => e.Port = gatewayPorts.GetValue<int?>("HttpPort") ?? e.Port)
    .WithEndpoint(ResourceNames.GrpcEndpoint, e => e.Port = gatewayPorts.GetValue<int?>("GrpcPort") ?? e.Port);
var tokenIssuer = gateway.GetEndpoint("http");

// Requests calls Credentialing as itself: a client of the gateway's token server with a secret made for this run.
var requestsClientSecret = builder.AddParameter("requests-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
var requests = builder.AddDomainService<Projects.HmisPlatform_Requests>(ResourceNames.RequestsApi, ResourceNames.RequestsDb, infrastructure, tokenIssuer)
    .WithEnvironment("Auth__ClientId", ResourceNames.RequestsApi)
    .WithEnvironment("Auth__ClientSecret", requestsClientSecret)
    .WithHttpCommand("/dev/reseed", "Re-seed demo data", endpointName: "http", commandName: ResourceNames.ReseedDemoDataCommand,
        commandOptions: new HttpCommandOptions { Method = HttpMethod.Post, IconName = "DatabaseArrowUp", Description = "Restores the demo agencies and ATAs." });
var training = builder.AddDomainService<Projects.HmisPlatform_Training>(ResourceNames.TrainingApi, ResourceNames.TrainingDb, infrastructure, tokenIssuer);
var assessment = builder.AddDomainService<Projects.HmisPlatform_Assessment>(ResourceNames.AssessmentApi, ResourceNames.AssessmentDb, infrastructure, tokenIssuer);
var credentialing = builder.AddDomainService<Projects.HmisPlatform_Credentialing>(ResourceNames.CredentialingApi, ResourceNames.CredentialingDb, infrastructure, tokenIssuer);
requests.WithReference(credentialing);

// Local runs send e-mail to a mail catcher on loopback (SMTP on MailCatcher:SmtpPort, 2525; its page on
// MailCatcher:HttpPort, 5090), so every message the journey sends can be read and none reaches a real inbox.
var mail = builder.Configuration.GetSection("MailCatcher");
var smtpPort = (mail.GetValue<int?>("SmtpPort") ?? 2525).ToString(System.Globalization.CultureInfo.InvariantCulture);
var mailCatcher = builder.AddProject<Projects.HmisPlatform_MailCatcher>(ResourceNames.MailCatcher)
    .WithEndpoint("http", e => e.Port = mail.GetValue<int?>("HttpPort") ?? e.Port)
    .WithEnvironment("MailCatcher__SmtpPort", smtpPort)
    .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http");
// Notifications asks, as itself and with only those scopes, the gateway for each approved trainee's sign-in and
// Credentialing for each user's activation link.
var notificationsClientSecret = builder.AddParameter("notifications-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
var notifications = builder.AddDomainService<Projects.HmisPlatform_Notifications>(ResourceNames.NotificationsApi, ResourceNames.NotificationsDb, infrastructure, tokenIssuer)
    .WithEnvironment("Auth__ClientId", ResourceNames.NotificationsApi)
    .WithEnvironment("Auth__ClientSecret", notificationsClientSecret)
    .WithReference(credentialing)
    .WithReference(gateway)
    .WithEnvironment("Notifications__UiBaseUrl", tokenIssuer)
    .WithEnvironment("Smtp__Host", "127.0.0.1")
    .WithEnvironment("Smtp__Port", smtpPort)
    // The mail catcher speaks plain SMTP on loopback; every other mail server is reached with STARTTLS.
    .WithEnvironment("Smtp__RequireTls", "false")
    .WaitFor(mailCatcher);

gateway
    // The test clock's shared offset (outside Production).
    .WithReference(infrastructure.Redis)
    .WithEnvironment("Auth__Issuer", tokenIssuer)
    .WithEnvironment($"ServiceClients__{ResourceNames.RequestsApi}", requestsClientSecret)
    .WithEnvironment($"ServiceClients__{ResourceNames.NotificationsApi}", notificationsClientSecret)
    .WithOwnDatabase<Projects.HmisPlatform_Gateway>(ResourceNames.Gateway, ResourceNames.GatewayDb, infrastructure)
    // The gateway starts beside the services, not after them: a call to a service still starting is answered
    // UNAVAILABLE with a retry hint, as during any restart, and the platform is up seconds sooner.
    .WithReference(requests)
    .WithReference(training)
    .WithReference(assessment)
    .WithReference(credentialing)
    .WithReference(notifications)
    .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http")
    .WithExternalHttpEndpoints();
// A load run or the journey simulator raises the calls each caller may make per minute for its own run
// (Gateway:PermitLimit); everyone else keeps the gateway's default.
if (gatewayPorts["PermitLimit"] is { Length: > 0 } permitLimit)
{
    gateway.WithEnvironment("RateLimits__PermitLimit", permitLimit);
}

builder.Build().Run();
