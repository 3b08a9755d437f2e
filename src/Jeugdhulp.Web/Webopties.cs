namespace Jeugdhulp.Web;

/// <summary>What <c>jeugdhulp serve</c> is started with.</summary>
/// <param name="Data">The data folder (<c>--data</c>): the SQLite database, the outbox and the audit key live there.</param>
/// <param name="Db">A PostgreSQL connection string (<c>--db</c>); null for SQLite in <paramref name="Data"/>.</param>
/// <param name="Regels">The rule folder (<c>--rules</c>, default <c>rules/flevoland</c>).</param>
/// <param name="Vandaag">A fixed processing date (<c>--today</c>); null for the real date in Europe/Amsterdam.</param>
/// <param name="ZonderBestanden">
/// <c>--zonder-bestanden</c>: answers are not written as files in <c>DATA/outbox/</c>; they stay in the outbox table,
/// from which providers fetch them over the API.
/// </param>
/// <param name="MaxBericht">
/// The largest message in bytes (<c>--max-bericht-mb</c>, default OP179's 25 MB): a larger request body is answered
/// 413 before it is read.
/// </param>
public sealed record Webopties(string Data, string? Db, string Regels, DateOnly? Vandaag, bool ZonderBestanden = false,
    long MaxBericht = Jeugdhulp.Ijw.Lezen.Berichtgrootte.Standaard);
