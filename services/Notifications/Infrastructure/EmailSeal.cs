using System.Text.Json;
using HmisPlatform.Notifications.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>
/// Encrypts an e-mail that carries a secret (a person's activation or sign-in link) for the time it waits to be sent,
/// with this service's Data Protection key ring (authenticated encryption; the keys in its database, themselves
/// encrypted outside Development).
/// </summary>
public sealed class EmailSeal(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("HmisPlatform.Notifications.SealedEmail.v1");

    public string Seal(RenderedMessage email) => _protector.Protect(JsonSerializer.Serialize(email));

    public RenderedMessage Unseal(string sealedEmail) =>
        JsonSerializer.Deserialize<RenderedMessage>(_protector.Unprotect(sealedEmail)) ?? throw new InvalidOperationException("An empty sealed e-mail.");
}
