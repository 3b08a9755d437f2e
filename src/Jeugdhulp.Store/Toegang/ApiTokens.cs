namespace Jeugdhulp.Store.Toegang;

/// <summary>Who holds an API token: a provider (AGB code) or a municipality (CBS code).</summary>
public enum Tokensoort
{
    /// <summary>A provider; the code is its AGB code.</summary>
    Aanbieder,

    /// <summary>A municipality; the code is its CBS gemeentecode.</summary>
    Gemeente,
}

/// <summary>An API token as stored: never the secret itself.</summary>
/// <param name="Id">The token's number (to revoke it).</param>
/// <param name="Soort">Provider or municipality.</param>
/// <param name="Code">The AGB or CBS code the token acts for.</param>
/// <param name="Omschrijving">A note for people (whose system, which contact).</param>
/// <param name="AangemaaktOp">When it was created (real time, also under <c>--today</c>).</param>
/// <param name="IngetrokkenOp">When it was revoked; null while valid.</param>
/// <param name="VerlooptOp">From when it no longer gives access (real time).</param>
public sealed record ApiToken(long Id, Tokensoort Soort, string Code, string? Omschrijving, DateTimeOffset AangemaaktOp, DateTimeOffset? IngetrokkenOp,
    DateTimeOffset VerlooptOp)
{
    /// <summary>"aanbieder 01234567 (token 3)": how the token shows up in the audit log.</summary>
    public string Wie => $"{Woord(Soort)} {Code} (token {Id})";

    internal static string Woord(Tokensoort soort) => soort == Tokensoort.Aanbieder ? "aanbieder" : "gemeente";
}

/// <summary>
/// Bearer tokens for the APIs. A token is 256 random bits, shown once when it is made; the store keeps only
/// its SHA-256, so whoever reads the database (or a backup) cannot use it. A plain hash suffices, no salt
/// or slow hash: the secret is random, not a password that could be guessed. Every token expires (real
/// time, also under <c>--today</c>); rotating one (<see cref="VernieuwApiToken"/>) gives the holder a new
/// secret and lets the old one run out after a short overlap, so their system can switch without a gap.
/// </summary>
public static class ApiTokens
{
    /// <summary>Every token starts with this, so a leaked one is recognisable (secret scanners, logs).</summary>
    public const string Voorvoegsel = "jh_";

    /// <summary>How long a token is valid unless its maker says otherwise: one year.</summary>
    public static readonly TimeSpan StandaardGeldigheid = TimeSpan.FromDays(365);

    private const string Kolommen = "id, soort, code, omschrijving, aangemaakt_op, ingetrokken_op, verloopt_op";

    /// <summary>
    /// Makes a token for <paramref name="code"/>, valid for <paramref name="geldigheid"/> (default
    /// <see cref="StandaardGeldigheid"/>); returns the stored row and the secret (shown once, never stored).
    /// </summary>
    public static (ApiToken Token, string Geheim) MaakApiToken(this Datastore store, Tokensoort soort, string code, string? omschrijving,
        TimeSpan? geldigheid = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        var gemaakt = tx.MaakApiToken(soort, code, omschrijving, geldigheid ?? StandaardGeldigheid);
        tx.Commit();
        return gemaakt;
    }

    /// <summary>The valid (not revoked, not expired) token with secret <paramref name="geheim"/>, or null.</summary>
    public static ApiToken? ZoekApiToken(this Datastore store, string geheim)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrEmpty(geheim) || !geheim.StartsWith(Voorvoegsel, StringComparison.Ordinal) || geheim.Length > 200)
        {
            return null;
        }

        using var sessie = store.OpenSessie();
        return Lees(sessie.Commando($"SELECT {Kolommen} FROM api_tokens WHERE hash = @hash AND ingetrokken_op IS NULL AND verloopt_op > @nu")
            .Met("@hash", Hash(geheim)).Met("@nu", store.Klok.GetUtcNow())).SingleOrDefault();
    }

    /// <summary>
    /// Rotates token <paramref name="id"/>: a new token for the same holder and description, valid for
    /// <paramref name="geldigheid"/> (default <see cref="StandaardGeldigheid"/>), while the old one stays valid
    /// for at most <paramref name="overgang"/> more (zero: it stops at once). Null when there is no such
    /// token or it is revoked or expired already (make a new one instead).
    /// </summary>
    public static (ApiToken Token, string Geheim)? VernieuwApiToken(this Datastore store, long id, TimeSpan overgang, TimeSpan? geldigheid = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(overgang, TimeSpan.Zero);
        using var tx = store.BeginTransactie();
        var nu = tx.EchtNu;
        var oud = Lees(tx.Commando($"SELECT {Kolommen} FROM api_tokens WHERE id = @id AND ingetrokken_op IS NULL AND verloopt_op > @nu")
            .Met("@id", id).Met("@nu", nu)).SingleOrDefault();
        if (oud is null)
        {
            return null;
        }

        var einde = nu + overgang < oud.VerlooptOp ? nu + overgang : oud.VerlooptOp;
        tx.Commando("UPDATE api_tokens SET verloopt_op = @einde WHERE id = @id").Met("@einde", einde).Met("@id", id).ExecuteNonQuery();
        var nieuw = tx.MaakApiToken(oud.Soort, oud.Code, oud.Omschrijving, geldigheid ?? StandaardGeldigheid);
        tx.Commit();
        return nieuw;
    }

    /// <summary>Every token, revoked ones too, oldest first.</summary>
    public static IReadOnlyList<ApiToken> ApiTokenLijst(this Datastore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return Lees(sessie.Commando($"SELECT {Kolommen} FROM api_tokens ORDER BY id"));
    }

    /// <summary>Revokes token <paramref name="id"/>; the row stays. Null when there is no such token, else the token as it now is.</summary>
    public static ApiToken? TrekApiTokenIn(this Datastore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        tx.Commando("UPDATE api_tokens SET ingetrokken_op = @nu WHERE id = @id AND ingetrokken_op IS NULL")
            .Met("@nu", tx.EchtNu).Met("@id", id).ExecuteNonQuery();
        var token = Lees(tx.Commando($"SELECT {Kolommen} FROM api_tokens WHERE id = @id").Met("@id", id)).SingleOrDefault();
        tx.Commit();
        return token;
    }

    private static (ApiToken Token, string Geheim) MaakApiToken(this StoreTransactie tx, Tokensoort soort, string code, string? omschrijving,
        TimeSpan geldigheid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(geldigheid, TimeSpan.Zero);
        var geheim = Voorvoegsel + Geheim.Nieuw();
        var nu = tx.EchtNu;
        var id = tx.Commando("""
            INSERT INTO api_tokens (soort, code, hash, omschrijving, aangemaakt_op, verloopt_op)
            VALUES (@soort, @code, @hash, @omschrijving, @op, @verloopt)
            RETURNING id
            """)
            .Met("@soort", ApiToken.Woord(soort)).Met("@code", code).Met("@hash", Hash(geheim))
            .Met("@omschrijving", omschrijving).Met("@op", nu).Met("@verloopt", nu + geldigheid)
            .LeesLongOfNull() ?? throw new InvalidOperationException("INSERT … RETURNING gaf geen id.");
        return (new ApiToken(id, soort, code, omschrijving, nu, null, nu + geldigheid), geheim);
    }

    internal static string Hash(string geheim) => Geheim.Hash(geheim);

    private static List<ApiToken> Lees(System.Data.Common.DbCommand cmd)
    {
        var lijst = new List<ApiToken>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            lijst.Add(new ApiToken(r.GetInt64(0), r.GetString(1) == "aanbieder" ? Tokensoort.Aanbieder : Tokensoort.Gemeente, r.GetString(2),
                r.TekstOfNull(3), r.GetFieldValue<DateTimeOffset>(4), r.DatumTijdOfNull(5), r.GetFieldValue<DateTimeOffset>(6)));
        }

        return lijst;
    }
}
