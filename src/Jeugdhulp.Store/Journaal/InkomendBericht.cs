namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// An inbound message as the journal stores it: routing fields from its header and the raw bytes. <paramref name="Gemeente"/>:
/// the municipality it belongs to when that is not its receiver (a municipality's own message); its content is stored under
/// it (see <see cref="Journaliseren.Journaliseer(StoreTransactie, string, string, string, string, byte[], byte[], string)"/>).
/// </summary>
public sealed record InkomendBericht(string Afzender, string Ontvanger, string Identificatie, string Berichtcode, byte[] Inhoud,
    string? Gemeente = null);
