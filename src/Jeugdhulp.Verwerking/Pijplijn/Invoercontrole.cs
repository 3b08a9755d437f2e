using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Journaal;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// An input after the technical check: the check's result and the SHA-256 of the message as our writer writes
/// it (null when unreadable; a large message's may still be running), or the internal error the check hit;
/// for a message that will be journalled, its stored (compressed) form, made here on the worker so the database
/// thread only stores it.
/// </summary>
internal sealed record Gecontroleerd(Invoer Invoer, Validatie? Validatie, Task<byte[]>? Vergelijk, string? Interne = null, byte[]? Opgeslagen = null);

/// <summary>
/// The pipeline's first stage: one input's technical check (size, level 1 + 2, and the journal's content hash).
/// Pure — no database — so the batch runner runs it for the next batch while the current one commits.
/// </summary>
internal static class Invoercontrole
{
    /// <summary>
    /// One message's technical check. A bug in it (an exception) is that message's <c>error</c>: the worker
    /// would otherwise fault the whole batch and stop the run, losing the reports of what was committed.
    /// </summary>
    public static Gecontroleerd Controleer(Invoer invoer, DateOnly vandaag, long maxBericht)
    {
        if (invoer.Inhoud is not { } inhoud)
        {
            return new Gecontroleerd(invoer, null, null);
        }

        if (Berichtgrootte.Controleer(inhoud.Length, maxBericht) is { } teGroot)
        {
            return new Gecontroleerd(invoer, new Validatie(null, [teGroot], Controleniveau.GeenBericht), null);
        }

        try
        {
            // The content hash starts as soon as the message is read: a large one's runs beside the level-2 rules.
            Task<byte[]>? vergelijk = null;
            var validatie = IjwValidatie.Valideer(inhoud, vandaag, b => vergelijk = Vergelijkvorm.Bereken(b, inhoud.Length));
            return new Gecontroleerd(invoer, validatie, vergelijk, Opgeslagen: validatie.Bericht is null ? null : Inhoudsvorm.Pak(inhoud));
        }
#pragma warning disable CA1031 // The message boundary: a bug in one message's check must not stop or lose the others.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new Gecontroleerd(invoer, null, null, $"INTERN: interne fout bij de technische controle ({e.GetType().Name}: {e.Message}); het bericht is niet aangenomen. Bied het na herstel opnieuw aan.");
        }
    }
}
