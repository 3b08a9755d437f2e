namespace Jeugdhulp.Store.Backoffice;

/// <summary>The page arithmetic of the paged lists (Werkvoorraad, Termijnen, Declaraties, Conversie, the dossier's declarations).</summary>
public static class Paginering
{
    /// <summary>How many pages <paramref name="totaal"/> items fill, <paramref name="perPagina"/> a page; at least 1 (an empty list is one empty page).</summary>
    public static int Paginas(int totaal, int perPagina) => Math.Max(1, (totaal + perPagina - 1) / perPagina);

    /// <summary>
    /// Reads page <paramref name="gevraagd"/> with <paramref name="lees"/>; when it lies past the end (a bookmark, or items
    /// decided since), reads the last page instead, not an empty list that says nothing waits. What was read, and the page
    /// it is.
    /// </summary>
    public static (T Gelezen, int Pagina) LeesTotDeLaatste<T>(int gevraagd, int perPagina, Func<int, T> lees, Func<T, int> totaal)
    {
        ArgumentNullException.ThrowIfNull(lees);
        ArgumentNullException.ThrowIfNull(totaal);
        var gelezen = lees(gevraagd);
        var laatste = Paginas(totaal(gelezen), perPagina);
        return gevraagd > laatste ? (lees(laatste), laatste) : (gelezen, gevraagd);
    }
}
