using System.Security.Cryptography;
using System.Text;

namespace Jeugdhulp.Store;

/// <summary>
/// Random secrets the store hands out once (API tokens, session keys) and keeps only as a hash. A plain
/// SHA-256 suffices, no salt or slow hash: the secrets are 256 random bits, not passwords that could be guessed.
/// </summary>
internal static class Geheim
{
    /// <summary>256 random bits in base64url (43 characters).</summary>
    public static string Nieuw() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The SHA-256 of <paramref name="geheim"/> in lower-case hex: what the database keeps.</summary>
    public static string Hash(string geheim) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(geheim)));
}
