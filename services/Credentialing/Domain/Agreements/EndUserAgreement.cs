using System.Security.Cryptography;
using System.Text;

namespace HmisPlatform.Credentialing.Domain.Agreements;

/// <summary>A version of the End User Agreement text; an account records which version was signed and its hash.</summary>
public sealed record EndUserAgreement(string Version, string Text)
{
    public static EndUserAgreement Current { get; } = new("2026-01",
        "I will use the Chicago CoC HMIS only for the purposes of my work at my agency, keep my credentials to myself, " +
        "protect the privacy of every client record, obtain and respect client consent, and report any security incident " +
        "to my ATA and the HMIS Lead at once.");

    public string TextHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}
