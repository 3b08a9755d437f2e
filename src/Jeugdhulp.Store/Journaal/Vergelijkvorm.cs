using System.Security.Cryptography;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schrijven;

namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// The content hash a re-delivery is recognised by: SHA-256 of the message as our writer writes it, so the
/// same message with other prefixes, line ends or whitespace is the same content. The writer's bytes go
/// straight into the hash as they are written: a 100,000-line JW323 is 85 MB of XML, and materialising
/// it as an array (growing a MemoryStream, then copying it out) cost a third of the writing.
/// </summary>
internal static class Vergelijkvorm
{
    /// <summary>From this size on the hash is computed on another thread while the message is processed.</summary>
    public const int DrempelVoorAchtergrond = 1024 * 1024;

    /// <summary>
    /// The hash of <paramref name="bericht"/> (received as <paramref name="grootte"/> bytes). A large message
    /// is hashed on the thread pool: its journal row is inserted with a provisional hash and the real one is
    /// filled in before commit (<see cref="Journaliseren.VulHashesIn"/>), so writing 85 MB of XML runs on the
    /// second core while the first loads the state, checks and books. A small one is hashed here and now:
    /// that costs less than a task and the provisional-hash update.
    /// </summary>
    public static Task<byte[]> Bereken(IjwBericht bericht, int grootte) =>
        grootte < DrempelVoorAchtergrond ? Task.FromResult(Sha256(bericht)) : Task.Run(() => Sha256(bericht));

    public static byte[] Sha256(IjwBericht bericht)
    {
        using var hash = new Hashstroom();
        IjwSchrijver.Schrijf(bericht, hash);
        return hash.Waarde();
    }

    /// <summary>A write-only stream that feeds everything written to an incremental SHA-256.</summary>
    private sealed class Hashstroom : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] Waarde() => hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
