using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TradeGrid.Data.Csv;

/// <summary>Reads a whole import from a stream: gzip is detected by its magic bytes, the format by the first line.</summary>
public static class CsvImport
{
    private const int DetectBytes = 512;

    public static ParsedImport Read(Stream stream, ImportFormat format, ImportOptions options)
    {
        Stream raw = ReplayStream.Peek(stream, 2, out ReadOnlySpan<byte> magic);
        bool gzip = magic.Length == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        Stream input = gzip ? new CheckedGzipStream(raw, options.FileName) : raw;
        input = ReplayStream.Peek(input, DetectBytes, out ReadOnlySpan<byte> head);
        RefuseBinary(head, options.FileName, gzip);
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

    /// <summary>
    /// A file whose first bytes hold a NUL or are not UTF-8 is not CSV text (a spreadsheet, an archive, a UTF-16
    /// export): saying so beats a parse error that quotes its bytes back.
    /// </summary>
    private static void RefuseBinary(ReadOnlySpan<byte> head, string file, bool gzip)
    {
        int nul = head.IndexOf((byte)0);
        char[] scratch = ArrayPool<char>.Shared.Rent(head.Length + 1);
        try
        {
            // Not the final block: a multi-byte character cut by the end of the peek is not an error.
            OperationStatus status = Utf8.ToUtf16(head, scratch, out int valid, out _, replaceInvalidSequences: false, isFinalBlock: false);
            int bad = nul >= 0 ? nul : status == OperationStatus.InvalidData ? valid : -1;
            if (bad >= 0)
            {
                throw new CsvFormatException($"{file}: not a CSV text file{(gzip ? " (after gzip decompression)" : string.Empty)}: byte {bad + 1} is 0x{head[bad]:x2}, "
                    + "which UTF-8 text does not contain; send CSV as UTF-8 text, plain or gzip-compressed (export spreadsheets as CSV UTF-8)");
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }
}
