using System.IO.Compression;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Errors.Catalogue;

/// <summary>DataService.Import (gRPC client streaming only): malformed CSV of every kind, files that are not CSV, limits.</summary>
public static partial class BadInputCatalogue
{
    private const string Tidy = "economy,indicator,year,value\n";

    private static IEnumerable<BadInput> Imports()
    {
        BadInput File(string id, string input, byte[] file, string field, string fix, StatusCode code = StatusCode.InvalidArgument, ImportHeader? header = null) =>
            Bad(id, "DataService.Import", input, field, fix, code) with
            {
                Upload = file,
                UploadHeader = header ?? new ImportHeader { FileName = "bad.csv", Source = "catalogue" },
                Transport = Transport.GrpcOnly,
                Category = "importing",
            };
        BadInput Row(string id, string input, string row, string field, string fix, StatusCode code = StatusCode.InvalidArgument) =>
            File(id, input, Utf8(Tidy + "CQA,cq_y,2000,1\n" + row + "\n"), field, fix, code);
        byte[] whole = Gzip(Tidy + string.Concat(Enumerable.Range(0, 3000).Select(i => $"CQA,cq_new,{1950 + i % 60},{i}.25\n")));
        byte[] corrupt = (byte[])whole.Clone();
        for (int i = 30; i < corrupt.Length - 30; i += 11)
        {
            corrupt[i] ^= 0x5a;
        }
        const string WorldBank = "\"Data Source\",\"World Development Indicators\",\n\n";

        yield return Row("import-value-not-a-number", "value `abc`", "CQA,cq_y,2001,abc", "bad.csv line 3, column 'value': 'abc' is not a number", "use a decimal point");
        yield return Row("import-value-nan", "value `NaN`", "CQA,cq_y,2001,NaN", "line 3, column 'value'", "NaN and infinities are refused");
        yield return Row("import-value-infinity", "value `-Infinity`", "CQA,cq_y,2001,-Infinity", "line 3, column 'value'", "NaN and infinities are refused");
        yield return Row("import-value-thousands", "value `1,234` unquoted (5 fields)", "CQA,cq_y,2001,1,234", "line 3, column '*': 5 fields where the header has 4", "every row needs one field per header column");
        yield return Row("import-year-out-of-range", "year `3020`", "CQA,cq_y,3020,1", "line 3, column 'year': '3020' is not a year", "give an integer between 1800 and 2200");
        yield return Row("import-year-not-a-number", "year `20x1`", "CQA,cq_y,20x1,1", "line 3, column 'year'", "give an integer between 1800 and 2200");
        yield return Row("import-short-row", "a row of 3 fields", "CQA,cq_y,2001", "line 3, column '*': 3 fields where the header has 4", "every row needs one field per header column");
        yield return Row("import-malformed-economy", "economy `C1!`", "C1!,cq_y,2001,1", "line 3, column 'economy': 'C1!' is not an economy code", "use");
        yield return Row("import-unknown-economy", "economy `XXQ` without create_economies", "XXQ,cq_y,2001,1", "XXQ", "create", StatusCode.NotFound);
        yield return Row("import-malformed-indicator", "indicator `cq y`", "CQA,cq y,2001,1", "line 3, column 'indicator': 'cq y' is not an indicator code", "use");
        yield return Row("import-quote-inside-field", "a bare quote inside a field", "CQA,cq\"y,2001,1", "line 3", "close every opening quote");
        yield return Row("import-text-after-quote", "text after a closing quote", "CQA,\"cq_y\"x,2001,1", "line 3", "quote fields that contain commas");
        yield return Row("import-unclosed-quote", "a quote never closed", "CQA,\"cq_y,2001,1", "a quoted field is never closed", "close every opening quote");
        yield return File("import-bad-flag", "flag `guessed`", Utf8("economy,indicator,year,value,flag\nCQA,cq_y,2001,1,guessed\n"), "line 2, column 'flag': 'guessed' is not a provenance", "use one of");
        yield return File("import-unknown-column", "header `economy,indicator,year,value,unit`", Utf8("economy,indicator,year,value,unit\n"), "line 1, column 'unit': unknown header", "a tidy file has columns economy,indicator,year,value");
        yield return File("import-missing-column", "header without `value`", Utf8("economy,indicator,year\nCQA,cq_y,2001\n"), "line 1, column 'value': missing from the header", "a tidy file needs economy,indicator,year,value");
        yield return File("import-column-twice", "`year` twice in the header", Utf8("economy,indicator,year,year,value\n"), "line 1, column 'year': the column appears twice", "the header");
        yield return File("import-empty-file", "an empty file", [], "bad.csv: the file is empty", "expected a header row economy,indicator,year,value");
        yield return File("import-binary", "4 KB of binary data", RandomBytes(4096), "bad.csv: not a CSV text file", "send CSV as UTF-8 text");
        yield return File("import-truncated-gzip", "a gzip cut in half", whole[..(whole.Length / 2)], "bad.csv: truncated or corrupt gzip", "check it with gzip -t");
        yield return File("import-corrupt-gzip", "a gzip with flipped bytes", corrupt, "truncated or corrupt gzip", "check it with gzip -t");
        yield return File("import-line-over-limit", $"a line of 100,000 characters (limit {CatalogueServer.MaxLineChars})", Utf8(Tidy + "CQA,cq_y,2001," + Repeat('9', 100_000)),
            "bad.csv line 2: longer than the server's limit of 4096 characters", "TradeGrid:Import:MaxLineChars", StatusCode.ResourceExhausted);
        yield return File("import-source-over-limit", $"a source of 2,000 characters (limit {CatalogueServer.MaxCellChars})", Utf8("economy,indicator,year,value,source\nCQA,cq_y,2001,1," + Repeat('s', 2000) + "\n"),
            "bad.csv line 2, field 5: 2000 characters", "TradeGrid:Import:MaxCellChars", StatusCode.ResourceExhausted);
        yield return File("import-file-over-limit", $"a file over {CatalogueServer.MaxImportBytes} bytes", Utf8(Tidy + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"CQA,cq_y,2001,{i}\n"))),
            "larger than the server's import limit", "TradeGrid:Import:MaxBytes", StatusCode.ResourceExhausted);
        yield return File("import-long-file-name", "a 1,000-character file_name", Utf8(Tidy), "header.file_name: 1000 characters", "send the file's name",
            header: new ImportHeader { FileName = Repeat('f', 1000) });
        yield return File("import-undefined-provenance", "default_provenance `99`", Utf8(Tidy), "header.default_provenance: 99 is not a provenance", "use one of PROVENANCE_UNSPECIFIED",
            header: new ImportHeader { FileName = "bad.csv", DefaultProvenance = (Provenance)99 });
        yield return File("import-undefined-format", "format `9`", Utf8(Tidy), "header.format: 9 is not an import format", "use TIDY, WORLD_BANK_WIDE",
            header: new ImportHeader { FileName = "bad.csv", Format = (ImportFormat)9 });
        yield return File("import-world-bank-bad-header", "a World Bank header with `Code`", Utf8(WorldBank + "\"Country Name\",\"Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\n"),
            "column 2 must be 'Country Code'", "unknown header");
        yield return File("import-world-bank-no-header", "a World Bank preamble with no header", Utf8(WorldBank + string.Concat(Enumerable.Repeat("\"x\",\n", 12))),
            "no 'Country Name,Country Code,Indicator Name,Indicator Code,...' header", "is this a World Bank bulk CSV?");
        yield return File("import-world-bank-bad-value", "a World Bank cell `1.2.3`", Utf8(WorldBank + "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2000\",\n\"A\",\"CQA\",\"Y\",\"cq_wb\",\"1.2.3\",\n"),
            "line 4, column '2000': '1.2.3' is not a number", "use a decimal point");
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8(text));
        }
        return compressed.ToArray();
    }
}
