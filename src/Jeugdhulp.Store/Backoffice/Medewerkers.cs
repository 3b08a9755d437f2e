using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A staff account of the backoffice web app: one municipality, one role, a password hash (never the password).</summary>
public sealed record Medewerker(string Gebruiker, Gemeentecode Gemeente, string WachtwoordHash, bool Actief, Medewerkerrol Rol = Medewerkerrol.Medewerker);

/// <summary>Staff accounts (migration <c>medewerkers</c>). Hashing is the caller's: the store only keeps the result.</summary>
public static class Medewerkers
{
    /// <summary>
    /// Creates the account, or replaces the municipality and password of an existing one; true when it is new.
    /// A new account gets <paramref name="rol"/> or else <see cref="Medewerkerrol.Medewerker"/>; an existing one
    /// keeps its role unless <paramref name="rol"/> is given. Changing an account ends all its open sessions (<see cref="Medewerkersessies"/>), in the same transaction:
    /// after a new password, a session opened with the old one (or a stolen cookie of it) gives no access.
    /// </summary>
    public static bool BewaarMedewerker(this Datastore store, string gebruiker, Gemeentecode gemeente, string wachtwoordHash, Medewerkerrol? rol = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(gebruiker);
        ArgumentException.ThrowIfNullOrWhiteSpace(wachtwoordHash);
        using var tx = store.BeginTransactie();
        var bestond = tx.Commando("SELECT COUNT(*) FROM medewerkers WHERE gebruiker = @gebruiker").Met("@gebruiker", gebruiker).LeesLongOfNull() > 0;
        tx.Commando("""
            INSERT INTO medewerkers (gebruiker, gemeente, wachtwoord, aangemaakt_op, actief, rol)
            VALUES (@gebruiker, @gemeente, @wachtwoord, @op, @actief, COALESCE(CAST(@rol AS text), 'medewerker'))
            ON CONFLICT (gebruiker) DO UPDATE SET gemeente = excluded.gemeente, wachtwoord = excluded.wachtwoord, actief = excluded.actief,
                rol = COALESCE(CAST(@rol AS text), medewerkers.rol)
            """)
            .Met("@gebruiker", gebruiker).Met("@gemeente", gemeente.Waarde).Met("@wachtwoord", wachtwoordHash)
            .Met("@op", tx.EchtNu).Met("@actief", true).Met("@rol", rol?.Code())
            .ExecuteNonQuery();
        var beeindigd = tx.Commando("DELETE FROM medewerkersessies WHERE gebruiker = @gebruiker").Met("@gebruiker", gebruiker).ExecuteNonQuery();
        tx.Audit("beheer", gemeente,
            !bestond ? $"account {gebruiker} aangemaakt ({(rol ?? Medewerkerrol.Medewerker).Code()})"
            : rol is { } r ? $"account {gebruiker} gewijzigd (rol {r.Code()}), {beeindigd} sessie(s) beeindigd"
            : beeindigd > 0 ? $"account {gebruiker} gewijzigd, {beeindigd} sessie(s) beeindigd"
            : $"account {gebruiker} gewijzigd", null);
        tx.Commit();
        return !bestond;
    }

    /// <summary>The account with this user name, or null.</summary>
    public static Medewerker? ZoekMedewerker(this Datastore store, string gebruiker)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gebruiker, gemeente, wachtwoord, actief, rol FROM medewerkers WHERE gebruiker = @gebruiker")
            .Met("@gebruiker", gebruiker).ExecuteReader();
        return Lees(r);
    }

    /// <summary>The account in the reader's next row (gebruiker, gemeente, wachtwoord, actief, rol), or null.</summary>
    internal static Medewerker? Lees(System.Data.Common.DbDataReader r) =>
        r.Read()
            ? new Medewerker(r.GetString(0), Gemeentecode.Parse(r.GetString(1)).Waarde, r.GetString(2), r.GetBoolean(3),
                Medewerkerrollen.Lees(r.GetString(4)) ?? throw new InvalidOperationException($"Onbekende rol '{r.GetString(4)}' (de CHECK van medewerkers.rol laat die niet toe)."))
            : null;
}
