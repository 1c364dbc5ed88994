using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace TradeGrid.Data.Csv;

/// <summary>
/// Decompresses gzip and refuses a stream that is cut short or corrupt. <see cref="GZipStream"/> ends quietly when
/// its input runs out mid-stream, so a truncated upload would otherwise be parsed as a shorter file and fail (or,
/// worse, pass) on its last, partial line. At the end the uncompressed length is compared with the gzip trailer's
/// ISIZE (RFC 1952: the length modulo 2^32); the trailer of a cut stream is whatever bytes happen to come last.
/// One gzip member only: concatenated members (<c>cat a.gz b.gz</c>) fail the check and are refused as corrupt.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private const int TrailerBytes = 8;
    private const int MinimumGzipBytes = 18; // 10-byte header, an empty deflate block at least, 8-byte trailer

    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly string _fileName;
    private long _decompressed;
    private bool _checked;

    public CheckedGzipStream(Stream compressed, string fileName)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
        _fileName = fileName;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt($"the deflate data is invalid after {_decompressed.ToString(CultureInfo.InvariantCulture)} uncompressed bytes ({ex.Message})");
        }
        if (n > 0 || buffer.Length == 0)
        {
            _decompressed += n;
            return n;
        }
        CheckTrailer();
        return 0;
    }

    private void CheckTrailer()
    {
        if (_checked)
        {
            return;
        }
        _checked = true;
        _compressed.Drain();
        if (_compressed.Total < MinimumGzipBytes)
        {
            throw Corrupt($"only {_compressed.Total} bytes of gzip data, fewer than a gzip file's header and trailer");
        }
        uint stated = BinaryPrimitives.ReadUInt32LittleEndian(_compressed.Tail[4..]);
        if (stated != unchecked((uint)_decompressed))
        {
            throw Corrupt($"the gzip data ends after {_decompressed.ToString(CultureInfo.InvariantCulture)} uncompressed bytes, but its trailer says {stated.ToString(CultureInfo.InvariantCulture)} (modulo 4 GiB); "
                + "the file is truncated (an interrupted download or copy) or holds several concatenated gzip members");
        }
    }

    private CsvFormatException Corrupt(string why) =>
        new($"{_fileName}: truncated or corrupt gzip: {why}; send the complete file (check it with gzip -t), or send it uncompressed");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Passes reads through, remembering the last 8 bytes (the gzip trailer when the stream is whole) and the count.</summary>
    private sealed class TailStream(Stream inner) : Stream
    {
        private readonly byte[] _tail = new byte[TrailerBytes];

        public long Total { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            Remember(buffer[..n]);
            return n;
        }

        /// <summary>Reads what the decompressor left unread, so the tail is the stream's true end.</summary>
        public void Drain()
        {
            byte[] scratch = new byte[4096];
            int n;
            while ((n = inner.Read(scratch)) > 0)
            {
                Remember(scratch.AsSpan(0, n));
            }
        }

        private void Remember(ReadOnlySpan<byte> read)
        {
            Total += read.Length;
            if (read.Length >= TrailerBytes)
            {
                read[^TrailerBytes..].CopyTo(_tail);
                return;
            }
            // Shift the kept bytes left and append the few new ones.
            _tail.AsSpan(read.Length).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(TrailerBytes - read.Length));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
