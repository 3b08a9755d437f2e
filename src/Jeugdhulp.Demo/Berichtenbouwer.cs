using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Demo;

/// <summary>The providers' messages as iJw 3.2 records (written by <c>IjwSchrijver</c>).</summary>
internal static class Berichtenbouwer
{
    public static Header Kop(Berichtsoort soort, string aanbieder, string gemeente, string identificatie, DateOnly dagtekening) =>
        Header.Voor(soort, aanbieder, gemeente, new BerichtIdentificatie(identificatie, dagtekening));

    public static VerkorteNaam Naam(Persoon p) => new(new Achternaam(p.Achternaam, p.Voorvoegsel), null, p.Voorletters);

    public static Geboortedatum Geboren(Persoon p) => new(p.Geboortedatum, null);

    public static VerzoekOmToewijzingBericht Jw315(Header kop, Persoon client, IReadOnlyList<AangevraagdProduct> producten) =>
        new(Berichtsoort.JW315, kop, new VerzoekOmToewijzingClient(client.Bsn, Geboren(client), client.Geslacht, Naam(client), null, null, producten));

    public static AangevraagdProduct Aangevraagd(Aanvraag a) =>
        new(a.Referentie, null, new Product(a.Product.Categorie, a.Product.Code.Waarde), null, a.Ingang, a.Eind,
            new Omvang(a.Volume, a.Product.Eenheid, a.Product.Frequentie), null, a.Verwijzer, null, null);

    public static StartBericht Jw305(Header kop, Allocatie a, DateOnly begin) =>
        new(Berichtsoort.JW305, kop, new StartClient(a.Client.Bsn, Geboren(a.Client), a.Client.Geslacht, Naam(a.Client),
            [new StartProduct(a.Nummer, new Product(a.Categorie, a.Productcode), a.Ingang, begin, "1")]));

    public static StopBericht Jw307(Header kop, Allocatie a, DateOnly begin, string reden, DateOnly einde) =>
        new(Berichtsoort.JW307, kop, new StopClient(a.Client.Bsn, Geboren(a.Client), a.Client.Geslacht, Naam(a.Client),
            [new StopProduct(a.Nummer, new Product(a.Categorie, a.Productcode), a.Ingang, begin, reden, einde, "1")]));

    public static VerzoekOmWijzigingBericht Jw317(Header kop, string bsn, string referentie, string reden,
        IReadOnlyList<long> ongewijzigd, TeWijzigenProduct wijziging, IReadOnlyList<NieuwProduct> nieuw) =>
        new(Berichtsoort.JW317, kop, new VerzoekOmWijzigingClient(bsn,
            new Verzoek(referentie, reden, [.. ongewijzigd.Select(n => new OngewijzigdProduct(n))], [wijziging], nieuw)));

    public static Declaratiebericht Jw323(Header kop, string nummer, DateOnly maand, IReadOnlyList<DeclaratieClient> clienten)
    {
        var totaal = clienten.SelectMany(c => c.Prestaties).Sum(p => p.IngediendBedrag.Saldo);
        var eind = maand.AddMonths(1).AddDays(-1);
        return new Declaratiebericht(kop, new Declaratie(nummer, new GeslotenPeriode(maand, eind), kop.BerichtIdentificatie.Dagtekening,
            BedragMetDc.VanSaldo(totaal), clienten));
    }

    public static Prestatie Prestatie(string referentie, long nummer, string categorie, string code, DateOnly van, DateOnly tot,
        long volume, string eenheid, long tarief) =>
        new(new ProductReferentie(referentie, null), nummer, categorie, code, new GeslotenPeriode(van, tot), volume, eenheid, tarief,
            new BedragMetDc(checked(volume * tarief), "D"));
}
