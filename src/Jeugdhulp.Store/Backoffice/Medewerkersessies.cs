namespace Jeugdhulp.Store.Backoffice;

/// <summary>
/// Server-side sessions of staff logins (migration <c>sessies_tokenverloop</c>). The login cookie carries a
/// random session key; the store keeps only its SHA-256 and when the session ends (real time). Every request
/// looks the key up, so logging out (<see cref="BeeindigMedewerkersessie"/>) or a new password
/// (<see cref="Medewerkers.BewaarMedewerker"/>) ends a session for every copy of its cookie at once, on every
/// node that shares the database.
/// </summary>
public static class Medewerkersessies
{
    /// <summary>Starts a session for <paramref name="gebruiker"/> that ends after <paramref name="duur"/>; returns its key (for the cookie only).</summary>
    public static string StartMedewerkersessie(this Datastore store, string gebruiker, TimeSpan duur)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(gebruiker);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duur, TimeSpan.Zero);
        var sleutel = Geheim.Nieuw();
        using var tx = store.BeginTransactie();
        var nu = tx.EchtNu;

        // Housekeeping at each login: expired sessions of any account go (a table of staff, small).
        tx.Commando("DELETE FROM medewerkersessies WHERE verloopt_op <= @nu").Met("@nu", nu).ExecuteNonQuery();
        tx.Commando("""
            INSERT INTO medewerkersessies (sleutel, gebruiker, aangemaakt_op, verloopt_op) VALUES (@sleutel, @gebruiker, @nu, @einde)
            """)
            .Met("@sleutel", Geheim.Hash(sleutel)).Met("@gebruiker", gebruiker).Met("@nu", nu).Met("@einde", nu + duur).ExecuteNonQuery();
        tx.Commit();
        return sleutel;
    }

    /// <summary>The account of a running session with this key, or null (unknown, ended or expired).</summary>
    public static Medewerker? ZoekMedewerkersessie(this Datastore store, string sleutel)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrEmpty(sleutel) || sleutel.Length > 100)
        {
            return null;
        }

        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("""
            SELECT m.gebruiker, m.gemeente, m.wachtwoord, m.actief, m.rol
            FROM medewerkersessies s JOIN medewerkers m ON m.gebruiker = s.gebruiker
            WHERE s.sleutel = @sleutel AND s.verloopt_op > @nu
            """).Met("@sleutel", Geheim.Hash(sleutel)).Met("@nu", store.Klok.GetUtcNow()).ExecuteReader();
        return Medewerkers.Lees(r);
    }

    /// <summary>Ends the session with this key (logout); nothing when it has ended already.</summary>
    public static void BeeindigMedewerkersessie(this Datastore store, string sleutel)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sleutel);
        using var tx = store.BeginTransactie();
        tx.Commando("DELETE FROM medewerkersessies WHERE sleutel = @sleutel").Met("@sleutel", Geheim.Hash(sleutel)).ExecuteNonQuery();
        tx.Commit();
    }
}
