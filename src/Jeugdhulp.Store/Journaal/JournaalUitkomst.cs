using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Journaal;

/// <summary>What journalling an inbound message found.</summary>
public abstract record JournaalUitkomst
{
    private JournaalUitkomst()
    {
    }

    /// <summary>First time this (afzender, Identificatie): process it.</summary>
    public sealed record Nieuw(long JournaalId) : JournaalUitkomst;

    /// <summary>
    /// Exactly this message (same sender, Identificatie and content) was received before: change nothing
    /// and report the earlier answers. Empty answers mean the earlier message is still being processed in
    /// this transaction or produced none.
    /// </summary>
    public sealed record ExacteHerhaling(long JournaalId, IReadOnlyList<OutboxBericht> Antwoorden) : JournaalUitkomst;

    /// <summary>
    /// The Identificatie was used before by this sender for other content: the message is journalled (as
    /// <paramref name="JournaalId"/>) and must be answered with retour code 9056, nothing else.
    /// </summary>
    public sealed record ZelfdeIdentificatieAndereInhoud(long JournaalId, long OrigineelId) : JournaalUitkomst;
}
