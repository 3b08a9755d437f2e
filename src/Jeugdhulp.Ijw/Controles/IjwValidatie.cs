using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>How far a message got through the check levels of IV032/IV088.</summary>
public enum Controleniveau
{
    /// <summary>Passed the schema level and every level-2 rule.</summary>
    Geldig,

    /// <summary>Not XML, or not an iJw 3.2 message: nothing to answer.</summary>
    GeenBericht,

    /// <summary>Level 1 (XSD) failed: no retour is sent; the transport reports the error.</summary>
    Schema,

    /// <summary>Level 2 ("XSLT") failed: the retour is a header with 0001 and the XsltVersie.</summary>
    Bericht,
}

/// <summary>The outcome of reading and checking one message.</summary>
/// <param name="Bericht">The message when it passed the schema level (so also when level 2 failed).</param>
/// <param name="Fouten">The coded errors with element paths; empty when valid.</param>
/// <param name="Niveau">The level at which the message failed, or <see cref="Controleniveau.Geldig"/>.</param>
public sealed record Validatie(IjwBericht? Bericht, IReadOnlyList<Fout> Fouten, Controleniveau Niveau)
{
    public bool IsGeldig => Niveau == Controleniveau.Geldig;
}

/// <summary>Reads a message and runs the checks level by level: schema first, then the level-2 rules.</summary>
public static class IjwValidatie
{
    public static Validatie Valideer(byte[] xml, DateOnly ontvangstdatum) => Valideer(xml, ontvangstdatum, null);

    /// <summary>
    /// A message this backoffice accepted before, read again (the what-if replay): its journal status says it passed
    /// the schema level and the level-2 rules on its day, and neither depends on the rules, so it is mapped with
    /// <see cref="IjwLezer.LeesGeaccepteerd"/> and the checks are not run again. Should it not read (a bug, or a
    /// journal row that lies), it gets the full check, so the answer is the same as <see cref="Valideer(byte[], DateOnly)"/>'s.
    /// </summary>
    public static Validatie Geaccepteerd(byte[] xml, DateOnly ontvangstdatum)
    {
        var resultaat = IjwLezer.LeesGeaccepteerd(xml);
        return resultaat.IsGeldig ? new Validatie(resultaat.Waarde, [], Controleniveau.Geldig) : Valideer(xml, ontvangstdatum);
    }

    /// <summary>
    /// As <see cref="Geaccepteerd(byte[], DateOnly)"/> on bytes the caller does not keep (the replay's buffer reused per
    /// thread, <c>Inhoudsvorm.UitpakInBuffer</c>): the direct reader copies every value it keeps out of them, and only a
    /// message it declines — none that this backoffice stored — gets an array of its own for the XML reader.
    /// </summary>
    public static Validatie Geaccepteerd(ReadOnlySpan<byte> xml, DateOnly ontvangstdatum) =>
        Utf8Lezer.Lees(xml) is { } bericht ? new Validatie(bericht, [], Controleniveau.Geldig) : Geaccepteerd(xml.ToArray(), ontvangstdatum);

    /// <summary>
    /// As <see cref="Valideer(byte[], DateOnly)"/>; <paramref name="gelezen"/> gets the message as soon as it
    /// passed the schema level, before the level-2 rules run (the pipeline starts hashing it meanwhile).
    /// </summary>
    public static Validatie Valideer(byte[] xml, DateOnly ontvangstdatum, Action<IjwBericht>? gelezen)
    {
        var resultaat = IjwLezer.Lees(xml);
        if (!resultaat.IsGeldig)
        {
            var niveau = resultaat.Fouten.Any(f => f.Code is Foutcodes.GeenXml or Foutcodes.GeenIjw or Foutcodes.Onleesbaar or Foutcodes.TeGroot) ? Controleniveau.GeenBericht : Controleniveau.Schema;
            return new Validatie(null, resultaat.Fouten, niveau);
        }

        gelezen?.Invoke(resultaat.Waarde);
        var fouten = Berichtcontrole.Controleer(resultaat.Waarde, ontvangstdatum);
        return new Validatie(resultaat.Waarde, fouten, fouten.Count == 0 ? Controleniveau.Geldig : Controleniveau.Bericht);
    }
}
