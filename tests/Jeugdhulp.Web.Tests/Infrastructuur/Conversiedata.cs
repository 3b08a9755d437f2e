using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// The demo plus a conversion run: demo/contracten-oud.csv and demo/lopende-toewijzingen.csv imported and executed
/// with the plan of 2026-12-01 (the transition 2027-01-01 ahead), through the real import and run; and an Almere
/// account, since most demo lines are Almere's. Almere's work then holds lichte toets, herindicatie and one
/// HK-CONV-3 item (500007, provider 04567890).
/// </summary>
internal static class Conversiedata
{
    public const string Almere = "0034";

    public const long ZonderContract = 500007;

    public static readonly DateOnly Peildatum = new(2026, 12, 1);

    public static void Laad(Backoffice b)
    {
        Demodata.Laad(b);
        var demo = Path.Combine(Paden.RepoRoot, "demo");
        Assert.True(b.Store.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Path.Combine(demo, "contracten-oud.csv"))).Waarde).IsGeldig);
        var gelezen = LopendeToewijzingenLezen.Lees(File.ReadAllText(Path.Combine(demo, "lopende-toewijzingen.csv")), "lopende-toewijzingen.csv", b.Regels, b.Store.BekendeAanbieders());
        b.Store.ImporteerLopendeToewijzingen(gelezen.Waarde);
        var plan = ConversieplanMaken.Maak(b.Store.LopendeToewijzingen(), b.Regels, Peildatum, b.Store.Contractcontrole());
        b.Store.VoerConversieUit(plan, b.OutboxMap);
        b.Store.BewaarMedewerker("almere", Gemeentecode.Parse(Almere).Waarde, Wachtwoorden.Hash(Demodata.Wachtwoord));
    }
}
