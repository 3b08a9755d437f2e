using System.Diagnostics;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// Counts the round trips to PostgreSQL an action makes: every Npgsql command or batch executed starts one activity of the
/// "Npgsql" source (one execution, one Sync, one wait for the server). Counted are those under a parent activity this
/// counter starts around the action, so the pipeline's own threads count (the parent flows with the execution context)
/// and other tests running at the same time do not.
/// </summary>
public static class Rondgangen
{
    private const string Naam = "Jeugdhulp.Store.Tests.Rondgangen";
    private static readonly ActivitySource Bron = new(Naam);

    /// <summary>The round trips of <paramref name="actie"/>, and the SQL of each (for the failure message).</summary>
    public static (T Uitkomst, List<string> Statements) Tel<T>(Func<T> actie, Func<string, bool>? meetelt = null)
    {
        ArgumentNullException.ThrowIfNull(actie);
        var statements = new List<string>();
        ActivityTraceId spoor = default;
        using var luisteraar = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or Naam,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == spoor)
                {
                    var sql = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string
                        ?? a.DisplayName + " [" + string.Join(", ", a.TagObjects.Select(t => t.Key)) + "]";
                    if (meetelt is null || meetelt(sql))
                    {
                        lock (statements)
                        {
                            statements.Add(sql);
                        }
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(luisteraar);
        using var ouder = Bron.StartActivity("telling") ?? throw new InvalidOperationException("De telling start geen activiteit.");
        spoor = ouder.TraceId;
        var uitkomst = actie();
        lock (statements)
        {
            return (uitkomst, [.. statements]);
        }
    }
}
