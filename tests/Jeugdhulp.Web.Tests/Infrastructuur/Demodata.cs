using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// The shipped demo (contracts, residents, ten JW315 processed on 2027-03-05) in a backoffice's store,
/// through the real import and pipeline, plus staff accounts of two municipalities.
/// </summary>
internal static class Demodata
{
    public const string Wachtwoord = "een-lang-testwachtwoord";

    /// <summary>Noordoostpolder: DEMO-0002 (client 100003023) waits for review.</summary>
    public const string Nop = "0171";

    /// <summary>Urk: DEMO-0003 (client 100003072) and DEMO-0009 wait for review.</summary>
    public const string Urk = "0184";

    /// <summary>Work factor of the shared test accounts' hash (production: <see cref="Wachtwoorden.Iteraties"/>).</summary>
    private const int TestIteraties = 1_000;

    // One hash for all tests, in the stored format, at a low work factor: a login verifies against the work factor stored
    // in the hash (Wachtwoorden.Klopt reads it, so it can be raised later), and at the production factor each of the
    // everyday lane's ~250 logins cost ~0.1 s CPU (issue 19 point 6). The production factor, and logins against hashes
    // made by Wachtwoorden.Hash, are tested in InloggenTests.
    private static readonly Lazy<string> Hash = new(() =>
    {
        var zout = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Wachtwoord), zout, TestIteraties, HashAlgorithmName.SHA256, 32);
        var opgeslagen = string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${TestIteraties}${Convert.ToBase64String(zout)}${Convert.ToBase64String(hash)}");
        Assert.True(Wachtwoorden.Klopt(Wachtwoord, opgeslagen));
        return opgeslagen;
    });

    public static void Laad(Backoffice b)
    {
        var demo = Path.Combine(Paden.RepoRoot, "demo");
        Assert.True(b.Store.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Path.Combine(demo, "contracten.csv"))).Waarde).IsGeldig);
        Assert.True(b.Store.ImporteerInwoners(InwonersCsv.Lees(File.ReadAllText(Path.Combine(demo, "inwoners.csv"))).Waarde).IsGeldig);
        var verwerken = new BerichtVerwerken(b.Store, b.Regels, b.Vandaag, b.OutboxMap);
        var invoer = Directory.GetFiles(Path.Combine(demo, "berichten"), "*.xml").Order(StringComparer.Ordinal)
            .Select(p => new Invoer(p, File.ReadAllBytes(p)));
        Assert.NotEmpty(verwerken.Verwerk(invoer).ToList());
        b.Store.BewaarMedewerker("nop", Gemeentecode.Parse(Nop).Waarde, Hash.Value);
        b.Store.BewaarMedewerker("urk", Gemeentecode.Parse(Urk).Waarde, Hash.Value);
    }

    /// <summary>A staff account with a role (ROLES.md): log in with <see cref="Wachtwoord"/>.</summary>
    public static void Account(Backoffice b, string gebruiker, string gemeente, Medewerkerrol rol) =>
        b.Store.BewaarMedewerker(gebruiker, Gemeentecode.Parse(gemeente).Waarde, Hash.Value, rol);
}
