using HmisPlatform.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--infra"] = "Infrastructure:Mode" });

var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
var infrastructure = InfrastructureMode.Resolve(options.Mode) == InfrastructureMode.Containers
    ? builder.AddContainerInfrastructure()
    : builder.AddLocalInfrastructure(options);

var requests = builder.AddDomainService<Projects.HmisPlatform_Requests>(ResourceNames.RequestsApi, ResourceNames.RequestsDb, infrastructure)
    .WithHttpCommand("/dev/reseed", "Re-seed demo data", endpointName: "http",
        commandOptions: new HttpCommandOptions { Method = HttpMethod.Post, IconName = "DatabaseArrowUp", Description = "Restores the demo agencies and ATAs." });
var training = builder.AddDomainService<Projects.HmisPlatform_Training>(ResourceNames.TrainingApi, ResourceNames.TrainingDb, infrastructure);
var assessment = builder.AddDomainService<Projects.HmisPlatform_Assessment>(ResourceNames.AssessmentApi, ResourceNames.AssessmentDb, infrastructure);
var credentialing = builder.AddDomainService<Projects.HmisPlatform_Credentialing>(ResourceNames.CredentialingApi, ResourceNames.CredentialingDb, infrastructure);

builder.AddProject<Projects.HmisPlatform_Gateway>(ResourceNames.Gateway)
    .WithReference(requests).WaitFor(requests)
    .WithReference(training).WaitFor(training)
    .WithReference(assessment).WaitFor(assessment)
    .WithReference(credentialing).WaitFor(credentialing)
    .WithHttpHealthCheck(ResourceNames.HealthPath, endpointName: "http")
    .WithExternalHttpEndpoints();

builder.Build().Run();
