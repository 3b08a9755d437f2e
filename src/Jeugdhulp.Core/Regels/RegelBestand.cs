namespace Jeugdhulp.Core.Regels;

/// <summary>
/// One rule-data file as text, e.g. <c>producten.json</c>. The core reads no files: a caller (the CLI, a
/// test) reads a region's folder and hands the texts to <see cref="RegelLader.Laad"/>.
/// </summary>
/// <param name="Naam">File name without folder, e.g. <c>producten.json</c>; used in every error.</param>
/// <param name="Tekst">The file's content.</param>
public sealed record RegelBestand(string Naam, string Tekst);
