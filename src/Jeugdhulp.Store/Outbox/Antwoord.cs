namespace Jeugdhulp.Store.Outbox;

/// <summary>An answer to store: which journal row it answers, its code, receiver, file name and content.</summary>
public sealed record Antwoord(long JournaalId, string Berichtcode, string Ontvanger, string Bestandsnaam, byte[] Inhoud);
