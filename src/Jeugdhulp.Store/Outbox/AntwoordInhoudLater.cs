namespace Jeugdhulp.Store.Outbox;

/// <summary>
/// A new message's answer stored in two steps, for the pipeline's fast pass (issue 21 point 2): the narrow outbox row
/// now (its id, key and file name — what makes the answer exactly-once), its content later in the same transaction,
/// once a worker has written and compressed it. Together the same rows as <see cref="AntwoordToevoegen.VoegNieuwAntwoordToe"/>.
/// </summary>
internal static class AntwoordInhoudLater
{
    /// <summary>
    /// The outbox row of an answer to journal row <paramref name="journaalId"/>, written in this transaction (no answer can
    /// exist yet); its content must follow with <see cref="VoegOpgeslagenInhoudToe"/> before the commit. A second answer
    /// under the same key is a bug and throws (on PostgreSQL when the deferred writes are sent).
    /// </summary>
    internal static long VoegAntwoordRijToe(this StoreTransactie tx, long journaalId, string berichtcode, string ontvanger, string bestandsnaam)
    {
        ArgumentException.ThrowIfNullOrEmpty(berichtcode);
        ArgumentException.ThrowIfNullOrEmpty(ontvanger);
        AntwoordToevoegen.ControleerBestandsnaam(bestandsnaam);
        if (tx.Store.Provider.IsPostgres)
        {
            var id = tx.NieuwId("outbox");
            tx.Uitgesteld(AntwoordToevoegen.VoegMetId).Met("@id", id).Met("@journaal_id", journaalId).Met("@berichtcode", berichtcode)
                .Met("@ontvanger", ontvanger).Met("@bestandsnaam", bestandsnaam).Met("@aangemaakt_op", tx.Nu).Later(tx);
            return id;
        }

        return tx.Commando(AntwoordToevoegen.Voeg).Met("@journaal_id", journaalId).Met("@berichtcode", berichtcode).Met("@ontvanger", ontvanger)
            .Met("@bestandsnaam", bestandsnaam).Met("@aangemaakt_op", tx.Nu).LeesLongOfNull()
            ?? throw new InvalidOperationException(
                $"Er staat al een antwoord in de outbox voor journaalregel {journaalId} ({berichtcode}) of met bestandsnaam '{bestandsnaam}'.");
    }

    /// <summary>The content of outbox row <paramref name="outboxId"/>, already in its stored form (<see cref="Inhoud.Inhoudsvorm.Pak"/>).</summary>
    internal static void VoegOpgeslagenInhoudToe(this StoreTransactie tx, long outboxId, byte[] opgeslagen) =>
        tx.Uitgesteld(AntwoordToevoegen.VoegInhoudToe).Met("@outbox_id", outboxId).Met("@inhoud", opgeslagen).Later(tx);
}
