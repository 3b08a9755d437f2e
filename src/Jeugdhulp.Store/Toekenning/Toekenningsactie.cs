using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Toekenning;

/// <summary>The client's details a JW301 needs that the residents' register does not hold (name, gender).</summary>
/// <param name="Achternaam">Surname.</param>
/// <param name="Voorvoegsel">Prefix, e.g. "de".</param>
/// <param name="Voorletters">Initials.</param>
/// <param name="Geslacht">iJw LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw.</param>
/// <param name="Geboortedatum">Birth date when the register does not know the client.</param>
public sealed record Clientpersoon(string Achternaam, string? Voorvoegsel, string? Voorletters, string Geslacht, DateOnly? Geboortedatum);

/// <summary>One action of the municipality on its own allocations; the three ways in (form, API, CSV) build these.</summary>
public abstract record Toekenningsactie
{
    private protected Toekenningsactie()
    {
    }

    /// <summary>The municipality acting.</summary>
    public abstract Gemeentecode Gemeente { get; }

    /// <summary>The action's kind as stored (toekennen, wijzigen, beeindigen, intrekken, procesregie).</summary>
    public abstract string Soort { get; }

    /// <summary>
    /// The journal Identificatie: a hash of the action's content, so the same action sent again (a re-run of a CSV,
    /// a retried request) is found and changes nothing. Longer than iJw's 12 characters: never a provider's Identificatie.
    /// </summary>
    public string Sleutel => "TK-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Inhoud())))[..40];

    /// <summary>The canonical content (journalled; also the source of <see cref="Sleutel"/>).</summary>
    public abstract string Inhoud();

    private protected static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Issue an allocation (HK-301-3, HK-301-4).</summary>
    /// <param name="Opdracht">What to allocate.</param>
    /// <param name="Persoon">Name and gender for the JW301 when the client is new to the municipality.</param>
    public sealed record Toekennen(Toekenningsopdracht Opdracht, Clientpersoon? Persoon) : Toekenningsactie
    {
        /// <inheritdoc />
        public override Gemeentecode Gemeente => Opdracht.Gemeente;

        /// <inheritdoc />
        public override string Soort => "toekennen";

        /// <inheritdoc />
        public override string Inhoud()
        {
            var o = Opdracht;
            return string.Join('|', Soort, o.Gemeente.Waarde, o.Client?.Waarde ?? "", o.Route, o.Verwijzer ?? "", o.Aanbieder.Waarde, o.Product.Waarde,
                D(o.Ingangsdatum), D(o.Einddatum), o.Omvang?.ToString() ?? "", string.Join(',', o.Gezinsleden.Select(g => g.Waarde).Order(StringComparer.Ordinal)),
                o.Commentaar ?? "", o.Motivering ?? "", o.Procesregie?.Houder.ToString() ?? "", o.Procesregie?.Team ?? "",
                Persoon?.Achternaam ?? "", Persoon?.Voorvoegsel ?? "", Persoon?.Voorletters ?? "", Persoon?.Geslacht ?? "", D(Persoon?.Geboortedatum));
        }
    }

    /// <summary>Change or end early (HK-301-5).</summary>
    /// <param name="Opdracht">The change.</param>
    public sealed record Wijzigen(Wijzigingsopdracht Opdracht) : Toekenningsactie
    {
        /// <inheritdoc />
        public override Gemeentecode Gemeente => Opdracht.Gemeente;

        /// <inheritdoc />
        public override string Soort => Opdracht.Soort == Wijzigingssoort.Wijzigen ? "wijzigen" : "beeindigen";

        /// <inheritdoc />
        public override string Inhoud()
        {
            var o = Opdracht;
            return string.Join('|', Soort, o.Gemeente.Waarde, o.Nummer.ToString(CultureInfo.InvariantCulture), o.Soort, D(o.Einddatum),
                o.Omvang?.ToString() ?? "", o.RedenWijziging ?? "", o.Motivering ?? "");
        }
    }

    /// <summary>Withdraw (HK-301-6).</summary>
    /// <param name="GemeenteCode">The municipality.</param>
    /// <param name="Nummer">ToewijzingNummer.</param>
    /// <param name="Motivering">Why, kept with the decision.</param>
    public sealed record Intrekken(Gemeentecode GemeenteCode, int Nummer, string? Motivering) : Toekenningsactie
    {
        /// <inheritdoc />
        public override Gemeentecode Gemeente => GemeenteCode;

        /// <inheritdoc />
        public override string Soort => "intrekken";

        /// <inheritdoc />
        public override string Inhoud() =>
            string.Join('|', Soort, GemeenteCode.Waarde, Nummer.ToString(CultureInfo.InvariantCulture), Motivering ?? "");
    }

    /// <summary>Record who holds procesregie over a trajectory (HK-317-7); no message.</summary>
    /// <param name="GemeenteCode">The municipality.</param>
    /// <param name="Nummer">ToewijzingNummer of the trajectory.</param>
    /// <param name="Regie">Who holds it.</param>
    public sealed record ProcesregieVastleggen(Gemeentecode GemeenteCode, int Nummer, Procesregie Regie) : Toekenningsactie
    {
        /// <inheritdoc />
        public override Gemeentecode Gemeente => GemeenteCode;

        /// <inheritdoc />
        public override string Soort => "procesregie";

        /// <inheritdoc />
        public override string Inhoud() =>
            string.Join('|', Soort, GemeenteCode.Waarde, Nummer.ToString(CultureInfo.InvariantCulture), Regie.Houder, Regie.Team ?? "");
    }
}

/// <summary>What one action came to.</summary>
/// <param name="Status">Allowed, blocked, reason needed, or no messages; null when the action could not be assessed (<paramref name="Fout"/>).</param>
/// <param name="Besluit">The findings; null with <paramref name="Fout"/> or for a repeat.</param>
/// <param name="Nummers">The ToewijzingNummers written (the first is the one with the volume).</param>
/// <param name="Outbox">The JW301 files (names, or paths when written to a folder).</param>
/// <param name="Herhaling">True when exactly this action was done before: nothing was written now.</param>
/// <param name="Geschreven">True when the action was written now (false for a check only, a refusal or a repeat).</param>
/// <param name="Fout">A coded error (unknown allocation, missing client details).</param>
public sealed record Toekenningsverslag(
    Toekenningsstatus? Status, Toekenningsbesluit? Besluit, IReadOnlyList<int> Nummers, IReadOnlyList<string> Outbox, bool Herhaling,
    bool Geschreven, Fout? Fout)
{
    /// <summary>A coded error: nothing assessed, nothing written.</summary>
    public static Toekenningsverslag Mislukt(string code, string melding) => new(null, null, [], [], false, false, new Fout(code, melding));
}
