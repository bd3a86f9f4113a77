using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Accounts;

/// <summary>
/// The single-use secret in a person's activation link: 32 random bytes as base64url (43 characters). Only its
/// SHA-256 is stored. Text that is not of that form is no token at all and gets the answer a wrong token gets, before
/// anything is hashed or looked up.
/// </summary>
public static class ActivationToken
{
    public const int Bytes = 32;
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The stored form of a presented token (lower-case hex SHA-256), or the invalid-token refusal.</summary>
    public static string HashOf(string presented) =>
        IsWellFormed(presented) ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(presented))) : throw HmisAccount.InvalidToken();

    public static bool IsWellFormed(string? presented) =>
        presented is { Length: Length } && presented.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
        && Base64Url.IsValid(presented, out var decoded) && decoded == Bytes;
}
