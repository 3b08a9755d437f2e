namespace Jeugdhulp.Store.Journaal;

/// <summary>An inbound message as the journal stores it: routing fields from its header and the raw bytes.</summary>
public sealed record InkomendBericht(string Afzender, string Ontvanger, string Identificatie, string Berichtcode, byte[] Inhoud);
