using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// Writes and compresses a batch's answers on a worker while the database thread goes on with the next messages
/// (issue 21 point 2): the database thread stores each answer's outbox row (its id, name and key: what makes the
/// answer exactly-once) and hands the built message here; the XML and its zstd form are made on the thread pool in
/// groups, and stored (<see cref="Bewaar"/>) before the batch commits, so the content is in the same transaction as
/// the decision, as before. Used only by the batch runner's fast pass (<see cref="BerichtVerwerken"/>): a failure
/// here fails the pass, which the batch then repeats in the safe pass that writes each answer on the database thread.
/// </summary>
internal sealed class Antwoordwerker
{
    /// <summary>Answers per task: large enough that a task's start is noise, small enough that the last group is short.</summary>
    private const int Groep = 96;

    private readonly List<Opdracht> alle = [];
    private readonly List<Task> taken = [];
    private List<Opdracht> open = new(Groep);

    /// <summary>How many of <see cref="alle"/> have their content stored.</summary>
    private int opgeslagen;

    /// <summary>Answers queued so far, in order.</summary>
    public int Aantal => alle.Count;

    /// <summary>Every answer queued, in order (their bytes are set once <see cref="Bewaar"/> has returned).</summary>
    public IReadOnlyList<Opdracht> Alle => alle;

    /// <summary>Queues <paramref name="bericht"/>, stored as outbox row <paramref name="id"/>; its bytes are read with <see cref="Inhoud"/> after <see cref="Bewaar"/>.</summary>
    public Opdracht Voeg(long id, string naam, IjwBericht bericht)
    {
        var o = new Opdracht(id, naam, bericht);
        alle.Add(o);
        open.Add(o);
        if (open.Count >= Groep)
        {
            Start();
        }

        return o;
    }

    /// <summary>
    /// Waits for the answers queued so far and stores the contents not stored yet in <paramref name="tx"/>: before the
    /// commit, and before a re-delivery in the same batch reads its original's answers. Throws if one failed; true when
    /// it stored any.
    /// </summary>
    public bool Bewaar(StoreTransactie tx)
    {
        if (opgeslagen == alle.Count)
        {
            return false;
        }

        Start();
        var t0 = Fasetijden.Start();
        Task.WaitAll(taken);
        taken.Clear();
        for (; opgeslagen < alle.Count; opgeslagen++)
        {
            tx.VoegOpgeslagenInhoudToe(alle[opgeslagen].Id, alle[opgeslagen].Gepakt!);
        }

        Fasetijden.Stop(Fasetijden.Fase.Antwoorden, t0);
        return true;
    }

    private void Start()
    {
        if (open.Count == 0)
        {
            return;
        }

        var groep = open;
        open = new List<Opdracht>(Groep);
        taken.Add(Task.Run(() =>
        {
            var t0 = Fasetijden.Start();
            foreach (var o in groep)
            {
                o.Ruw = IjwSchrijver.Schrijf(o.Bericht);
                o.Gepakt = Inhoudsvorm.Pak(o.Ruw);
            }

            Fasetijden.Stop(Fasetijden.Fase.Renderen, t0);
        }));
    }

    /// <summary>One answer: its outbox row, the message, and (once written on the worker) its bytes and their stored form.</summary>
    internal sealed class Opdracht(long id, string naam, IjwBericht bericht)
    {
        public long Id { get; } = id;

        public string Naam { get; } = naam;

        public IjwBericht Bericht { get; } = bericht;

        /// <summary>The answer as sent (the file's bytes); set by the worker, read after <see cref="Bewaar"/>.</summary>
        public byte[]? Ruw { get; set; }

        public byte[]? Gepakt { get; set; }
    }
}
