using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Hmis.Assessment.V1;
using Hmis.Credentialing.V1;
using Hmis.Notifications.V1;
using Hmis.Requests.V1;
using Hmis.Training.V1;

namespace HmisPlatform.Gateway.Extensions;

/// <summary>Which backend answers each public gRPC service, by the service's full name.</summary>
public static class ServiceRoutes
{
    public static IReadOnlyList<(ServiceDescriptor Service, string Backend)> All { get; } =
    [
        (AccessRequestsReflection.Descriptor.Services.Single(), ResourceNames.RequestsApi),
        (AgenciesReflection.Descriptor.Services.Single(), ResourceNames.RequestsApi),
        (TrainingReflection.Descriptor.Services.Single(), ResourceNames.TrainingApi),
        (SampleClientAssignmentsReflection.Descriptor.Services.Single(), ResourceNames.AssessmentApi),
        (CredentialsReflection.Descriptor.Services.Single(), ResourceNames.CredentialingApi),
        (LicenseCreditsReflection.Descriptor.Services.Single(), ResourceNames.CredentialingApi),
        (AccessReviewsReflection.Descriptor.Services.Single(), ResourceNames.CredentialingApi),
        (NotificationsReflection.Descriptor.Services.Single(), ResourceNames.NotificationsApi),
    ];
}
