using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Password hashes for staff accounts: PBKDF2-HMAC-SHA256 with a random 16-byte salt per account, stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> so the work factor can be raised later without breaking old accounts.
/// </summary>
public static class Wachtwoorden
{
    public const int Iteraties = 210_000;
    private const string Soort = "pbkdf2-sha256";
    private const int ZoutBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash of a dummy password: verified against when the user is unknown, so timing does not tell which names exist.</summary>
    public static string Lokaas { get; } = Hash("geen-account-" + Guid.NewGuid());

    public static string Hash(string wachtwoord)
    {
        ArgumentNullException.ThrowIfNull(wachtwoord);
        var zout = RandomNumberGenerator.GetBytes(ZoutBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(wachtwoord), zout, Iteraties, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Soort}${Iteraties}${Convert.ToBase64String(zout)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="wachtwoord"/> matches <paramref name="opgeslagen"/>; false for any malformed hash.</summary>
    public static bool Klopt(string wachtwoord, string opgeslagen)
    {
        ArgumentNullException.ThrowIfNull(wachtwoord);
        ArgumentNullException.ThrowIfNull(opgeslagen);
        var delen = opgeslagen.Split('$');
        if (delen.Length != 4 || delen[0] != Soort || !int.TryParse(delen[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iteraties)
            || iteraties < 1)
        {
            return false;
        }

        try
        {
            var zout = Convert.FromBase64String(delen[2]);
            var verwacht = Convert.FromBase64String(delen[3]);
            var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(wachtwoord), zout, iteraties, HashAlgorithmName.SHA256, verwacht.Length);
            return CryptographicOperations.FixedTimeEquals(hash, verwacht);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A random password for a new account: 20 characters from an alphabet without look-alikes (about 115 bits).</summary>
    public static string Genereer()
    {
        const string Alfabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alfabet, 20);
    }
}
