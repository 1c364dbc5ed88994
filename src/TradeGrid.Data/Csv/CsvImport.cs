using System.IO.Compression;
using System.Text;

namespace TradeGrid.Data.Csv;

/// <summary>Reads a whole import from a stream: gzip is detected by its magic bytes, the format by the first line.</summary>
public static class CsvImport
{
    private const int DetectBytes = 512;

    public static ParsedImport Read(Stream stream, ImportFormat format, ImportOptions options)
    {
        Stream raw = ReplayStream.Peek(stream, 2, out ReadOnlySpan<byte> magic);
        bool gzip = magic.Length == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        Stream input = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        input = ReplayStream.Peek(input, DetectBytes, out ReadOnlySpan<byte> head);
        if (format == ImportFormat.Detect)
        {
            format = Detect(head);
        }
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return format switch
        {
            ImportFormat.Tidy => TidyCsvReader.Read(reader, options),
            ImportFormat.WorldBankWide => WorldBankWideCsvReader.Read(reader, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown import format"),
        };
    }

    /// <summary>World Bank bulk files start with "Data Source" (or "Country Name" once the preamble is cut); anything else is tidy.</summary>
    public static ImportFormat Detect(ReadOnlySpan<byte> head)
    {
        string text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '"');
        return text.StartsWith("Data Source", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Country Name", StringComparison.OrdinalIgnoreCase)
            ? ImportFormat.WorldBankWide
            : ImportFormat.Tidy;
    }
}
