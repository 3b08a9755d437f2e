using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>One declared prestatie with the municipality's answer: no retour codes = accepted.</summary>
/// <param name="Aanbieder">The declaring provider (AGB).</param>
/// <param name="DeclaratieNummer">The provider's DeclaratieNummer.</param>
/// <param name="Ontvangen">When the JW323 was received.</param>
/// <param name="Client">The client.</param>
/// <param name="ToewijzingNummer">The allocation the line is declared on.</param>
/// <param name="Productcode">Declared product.</param>
/// <param name="Begindatum">Start of the declared period.</param>
/// <param name="Einddatum">End of the declared period.</param>
/// <param name="Volume">Delivered volume (GeleverdVolume).</param>
/// <param name="Eenheid">Unit code (01 = minutes).</param>
/// <param name="BedragCent">Declared amount in eurocent, signed (credit negative).</param>
/// <param name="RetourCodes">Why the line was refused (from the JW325); empty when accepted.</param>
/// <param name="Beantwoord">False while no JW325 has been written.</param>
public sealed record Declaratieregel(
    string Aanbieder, string DeclaratieNummer, DateTimeOffset Ontvangen, Bsn Client, long ToewijzingNummer, string Productcode,
    DateOnly Begindatum, DateOnly Einddatum, long Volume, string Eenheid, long BedragCent, IReadOnlyList<string> RetourCodes, bool Beantwoord)
{
    /// <summary>The JW323 in the journal: the key of its stored findings (Bevindingen.DeclaratiebevindingenLezen).</summary>
    public long JournaalId { get; init; }

    /// <summary>The prestatie's ReferentieNummer: with <see cref="JournaalId"/> the key of its stored findings.</summary>
    public string ReferentieNummer { get; init; } = "";

    /// <summary>The rule-set version the JW325 judgement used (migration 0032); null when unknown (older rows, the journal source).</summary>
    public string? Regelversie { get; init; }

    /// <summary>True when the answer refused this line.</summary>
    public bool Afgewezen => RetourCodes.Count > 0;
}

/// <summary>
/// Declared prestaties of a municipality and how they were answered. Today the only source is the journal
/// (the JW323 as received) and the outbox (its JW325: the refused lines with their retour codes), read
/// and parsed here. This is the one place the web app reads declarations from: when the declarations
/// feature stores booked and refused prestaties in tables of its own, point this file at them.
/// </summary>
public static class DeclaratiesLezen
{
    private const string Query = """
        SELECT j.afzender, j.ontvangen_op, ji.inhoud, oi.inhoud, j.id
        FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id LEFT JOIN outbox o ON o.journaal_id = j.id AND o.berichtcode = 'JW325'
        LEFT JOIN outboxinhoud oi ON oi.outbox_id = o.id
        WHERE j.ontvanger = @gemeente AND j.berichtcode = 'JW323' AND j.origineel_id IS NULL
        ORDER BY j.ontvangen_op, j.id
        """;

    /// <summary>Every declared line addressed to <paramref name="gemeente"/>, oldest declaration first.</summary>
    public static IReadOnlyList<Declaratieregel> LeesDeclaratieregels(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return Lees(sessie.Commando(Query), gemeente);
    }

    private static List<Declaratieregel> Lees(System.Data.Common.DbCommand cmd, Gemeentecode gemeente)
    {
        var lijst = new List<Declaratieregel>();
        using var r = cmd.Met("@gemeente", gemeente.Waarde).ExecuteReader();
        while (r.Read())
        {
            // The journal holds what arrived; a JW323 refused as unreadable has no lines to show.
            if (!IjwLezer.Lees(Inhoudsvorm.Lees(r, 2)).TryGet(out var bericht) || bericht is not Declaratiebericht jw323)
            {
                continue;
            }

            var antwoord = r.IsDBNull(3) ? null : IjwLezer.Lees(Inhoudsvorm.Lees(r, 3)).TryGet(out var a) ? a as DeclaratieAntwoordbericht : null;
            var afgewezen = Afgewezen(antwoord);
            var ontvangen = r.GetFieldValue<DateTimeOffset>(1);
            foreach (var c in jw323.Declaratie.Clienten)
            {
                if (!Bsn.Parse(c.Bsn).TryGet(out var bsn))
                {
                    continue;
                }

                foreach (var p in c.Prestaties)
                {
                    var codes = afgewezen.TryGetValue(p.ProductReferentie.ReferentieNummer, out var cs) ? cs
                        : antwoord?.Header.RetourCodes is { Count: > 0 } kop && antwoord.DeclaratieAntwoord is null ? kop
                        : [];
                    lijst.Add(new Declaratieregel(r.GetString(0), jw323.Declaratie.DeclaratieNummer, ontvangen, bsn, p.ToewijzingNummer,
                        p.ProductCode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, p.GeleverdVolume, p.Eenheid,
                        p.IngediendBedrag.Saldo, codes, antwoord is not null) { JournaalId = r.GetInt64(4), ReferentieNummer = p.ProductReferentie.ReferentieNummer });
                }
            }
        }

        return lijst;
    }

    /// <summary>The refused lines of a JW325 by ReferentieNummer, with their retour codes.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Afgewezen(DeclaratieAntwoordbericht? antwoord)
    {
        var codes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in antwoord?.DeclaratieAntwoord?.Clienten ?? [])
        {
            foreach (var p in c.Prestaties)
            {
                codes[p.ProductReferentie.ReferentieNummer] = p.RetourCodes is { Count: > 0 } rc ? rc : c.RetourCodes ?? [];
            }
        }

        return codes;
    }
}
