using System.Buffers.Binary;
using System.Collections.Concurrent;
using ZstdSharp;

namespace Jeugdhulp.Store.Inhoud;

/// <summary>
/// How received messages (<c>journaalinhoud</c>) and answers (<c>outboxinhoud</c>) are stored: zstd (level 1)
/// with a trained dictionary, so a national year fits on one disk (issue 21, point 5: the 2.7 KB JW315 takes
/// ~450 bytes). Every blob says itself how to read it: a zstd frame (magic <c>28 B5 2F FD</c>) names its
/// dictionary version in its own header (the dictionary's ID is its version); anything else is the bytes as
/// received — rows written before migration 0025, and a blob that compression would not make smaller. An
/// XML document cannot begin with the zstd magic, and a raw blob that does is stored compressed anyway, so
/// the two never mix up. Readers get back exactly the bytes that were given to <see cref="Pak"/>.
/// The dictionaries are kept with the data (table <c>inhoudwoordenboek</c>, see <see cref="Woordenboeken"/>) and
/// never change under a version: a new dictionary is a new version, old blobs keep reading with theirs.
/// </summary>
public static class Inhoudsvorm
{
    /// <summary>The dictionary version new blobs are compressed with.</summary>
    public const int HuidigeVersie = 1;

    /// <summary>
    /// The dictionary version a request line's findings (<c>verzoekbevindingen.lijst</c>, <see cref="Bevindingen.Bevindinglijst"/>)
    /// are compressed with (migration 0041): trained on findings texts, not on XML — with the messages' dictionary an 800-byte
    /// list took ~300 bytes, with its own ~50–80. The same frames, the same table of dictionaries, the same reader.
    /// </summary>
    public const int BevindingenVersie = 2;

    /// <summary>zstd level 1: ~1–3 µs per message-sized document with the dictionary; higher levels gain a few percent for several times the CPU.</summary>
    private const int Niveau = 1;

    private static readonly byte[] Magie = [0x28, 0xB5, 0x2F, 0xFD];

    private static readonly ConcurrentDictionary<int, byte[]> Bekend = new(Meegeleverd().ToDictionary(w => w.Versie, w => w.Woordenboek));

    // Compressors and decompressors are not thread-safe and loading a dictionary digests it: one per thread and version.
    [ThreadStatic]
    private static Dictionary<int, Compressor>? pakkers;

    [ThreadStatic]
    private static Dictionary<int, Decompressor>? uitpakkers;

    /// <summary>The dictionaries this program ships (embedded resources <c>Inhoud/woordenboek-N.zdict</c>), by version.</summary>
    internal static IReadOnlyList<(int Versie, byte[] Woordenboek)> Meegeleverd()
    {
        var assembly = typeof(Inhoudsvorm).Assembly;
        const string voor = "Jeugdhulp.Store.Inhoud.woordenboek-";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(voor, StringComparison.Ordinal) && n.EndsWith(".zdict", StringComparison.Ordinal))
            .Select(n =>
            {
                using var s = assembly.GetManifestResourceStream(n)!;
                using var m = new MemoryStream();
                s.CopyTo(m);
                return (int.Parse(n[voor.Length..^6], System.Globalization.CultureInfo.InvariantCulture), m.ToArray());
            })];
    }

    /// <summary>
    /// Makes a dictionary found in a database known to this process (<see cref="Woordenboeken"/>). A version
    /// is one dictionary for good: the same version with other bytes is a damaged or foreign database.
    /// </summary>
    internal static void Ken(int versie, byte[] woordenboek)
    {
        var bekend = Bekend.GetOrAdd(versie, woordenboek);
        if (!bekend.AsSpan().SequenceEqual(woordenboek))
        {
            throw new InvalidOperationException($"Woordenboek {versie} in de database wijkt af van het bekende woordenboek {versie}.");
        }
    }

    /// <summary>The blob to store for <paramref name="ruw"/>, compressed with dictionary <paramref name="versie"/> (one this program ships).</summary>
    public static byte[] Pak(byte[] ruw, int versie = HuidigeVersie)
    {
        ArgumentNullException.ThrowIfNull(ruw);
        var p = (pakkers ??= []).GetValueOrDefault(versie) ?? (pakkers[versie] = Nieuw(versie));
        var uit = new byte[Compressor.GetCompressBound(ruw.Length)];
        var n = p.Wrap(ruw, uit);
        if (n >= ruw.Length && !IsFrame(ruw))
        {
            return ruw;
        }

        Array.Resize(ref uit, n);
        return uit;
    }

    /// <summary>The bytes given to <see cref="Pak"/> for stored blob <paramref name="opgeslagen"/> (or an old, raw row as it is).</summary>
    public static byte[] Uitpak(byte[] opgeslagen)
    {
        ArgumentNullException.ThrowIfNull(opgeslagen);
        if (!IsFrame(opgeslagen))
        {
            return opgeslagen;
        }

        var d = Uitpakker(Woordenboekversie(opgeslagen));

        // Straight into one array (Unwrap without a destination returns a span over its own array, which then had to be
        // copied: twice the message allocated for every stored message read, and the what-if replay reads a year of them
        // per pass). The size is zstd's bound, which is the exact content size for the frames Pak writes (they state it).
        var grootte = Decompressor.GetDecompressedSize(opgeslagen);
        if (grootte is 0 or > int.MaxValue)
        {
            return d.Unwrap(opgeslagen).ToArray();
        }

        var uit = new byte[(int)grootte];
        var n = d.Unwrap(opgeslagen, uit);
        return n == uit.Length ? uit : uit[..n];
    }

    // The reused output of UitpakInBuffer, one per thread (grown to the largest message the thread has unpacked).
    [ThreadStatic]
    private static byte[]? buffer;

    /// <summary>
    /// As <see cref="Uitpak"/>, but into an array kept per thread and reused: the span is valid only until this thread's
    /// next call. For a reader that only parses the bytes into values and keeps none of them (the what-if replay reads a
    /// year of stored messages per pass; a fresh array per message was a sixth of everything it allocated). The span is
    /// exactly this message's bytes (never the rest of a longer one unpacked before).
    /// </summary>
    public static ReadOnlySpan<byte> UitpakInBuffer(byte[] opgeslagen)
    {
        ArgumentNullException.ThrowIfNull(opgeslagen);
        var grootte = IsFrame(opgeslagen) ? Decompressor.GetDecompressedSize(opgeslagen) : 0;
        if (grootte is 0 or > int.MaxValue)
        {
            // A raw blob is its own bytes; a frame that does not state its size takes the allocating path.
            return Uitpak(opgeslagen);
        }

        if (buffer is null || buffer.Length < (int)grootte)
        {
            buffer = new byte[Math.Max((int)grootte, 16 * 1024)];
        }

        var n = Uitpakker(Woordenboekversie(opgeslagen)).Unwrap(opgeslagen, buffer);
        return buffer.AsSpan(0, n);
    }

    /// <summary>Column <paramref name="kolom"/> of <paramref name="r"/>, a blob of journaalinhoud or outboxinhoud, as it was received or sent.</summary>
    public static byte[] Lees(System.Data.Common.DbDataReader r, int kolom)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Uitpak((byte[])r.GetValue(kolom));
    }

    /// <summary>The stored blob's dictionary version; null for a raw blob (old rows, or too small to gain).</summary>
    public static int? VersieVan(byte[] opgeslagen)
    {
        ArgumentNullException.ThrowIfNull(opgeslagen);
        return IsFrame(opgeslagen) ? Woordenboekversie(opgeslagen) : null;
    }

    /// <summary>This thread's decompressor for dictionary <paramref name="versie"/>.</summary>
    private static Decompressor Uitpakker(int versie)
    {
        var d = (uitpakkers ??= []).GetValueOrDefault(versie);
        if (d is null)
        {
            // Version 0: a frame made without a dictionary (zstd's own "no dictionary" ID).
            byte[]? woordenboek = null;
            if (versie != 0 && !Bekend.TryGetValue(versie, out woordenboek))
            {
                throw new InvalidOperationException($"Opgeslagen inhoud gebruikt woordenboek {versie}, dat niet in de database of dit programma staat.");
            }

            d = new Decompressor();
            if (woordenboek is not null)
            {
                d.LoadDictionary(woordenboek);
            }

            uitpakkers[versie] = d;
        }

        return d;
    }

    private static Compressor Nieuw(int versie)
    {
        var c = new Compressor(Niveau);
        c.LoadDictionary(Bekend[versie]);
        return c;
    }

    private static bool IsFrame(ReadOnlySpan<byte> b) => b.StartsWith(Magie);

    /// <summary>
    /// The Dictionary_ID of a zstd frame header (RFC 8878 §3.1.1.1): after the magic, the descriptor byte
    /// (bits 0–1 give the ID's size: 0, 1, 2 or 4 bytes; bit 5 single segment: no window byte).
    /// </summary>
    private static int Woordenboekversie(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 6)
        {
            throw new InvalidOperationException("Opgeslagen inhoud is een afgebroken zstd-frame.");
        }

        var beschrijving = frame[4];
        var plek = (beschrijving & 0x20) != 0 ? 5 : 6;
        var lengte = (beschrijving & 0x03) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        if (frame.Length < plek + lengte)
        {
            throw new InvalidOperationException("Opgeslagen inhoud is een afgebroken zstd-frame.");
        }

        var id = frame.Slice(plek, lengte);
        return lengte switch
        {
            0 => 0,
            1 => id[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(id),
            _ => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(id)),
        };
    }
}
