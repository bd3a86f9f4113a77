using Hmis.Credentialing.V1;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Testing;

namespace HmisPlatform.Credentialing.Tests.Api;

/// <summary>The Credentialing service on its own database.</summary>
public sealed class CredentialingFixture : ServiceFixture<Program, CredentialingDbContext>
{
    protected override string DatabaseConnectionName => ResourceNames.CredentialingDb;

    public Credentials.CredentialsClient Client => new(Channel);
}
