namespace Jeugdhulp.Store.Outbox;

/// <summary>An answer in the outbox: stored with the decision, written to a file after commit.</summary>
public sealed record OutboxBericht(
    long Id,
    long JournaalId,
    string Berichtcode,
    string Ontvanger,
    string Bestandsnaam,
    byte[] Inhoud,
    DateTimeOffset AangemaaktOp,
    DateTimeOffset? GeschrevenOp);
