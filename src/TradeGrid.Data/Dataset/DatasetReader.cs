using System.IO.Compression;
using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Data.Model;

namespace TradeGrid.Data.Dataset;

/// <summary>
/// Reads dataset files, telling catalogue files from observation files by their header:
/// <c>group,member,...</c> are group memberships, <c>code,...,unit</c> indicators, <c>code,name,...</c> economies;
/// anything else is tidy or World Bank wide observations.
/// </summary>
public static class DatasetReader
{
    public static LoadedDataset Read(IEnumerable<DatasetFile> files, Provenance defaultProvenance = Provenance.Reported)
    {
        var dataset = new LoadedDataset();
        foreach (DatasetFile file in files)
        {
            string header = FirstLine(file);
            string[] columns = header.Split(',').Select(c => c.Trim().Trim('"').TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
            if (columns.Contains("group") && columns.Contains("member"))
            {
                dataset.Groups.AddRange(ReadText(file, r => CatalogCsvReader.ReadGroups(r, file.Name)));
            }
            else if (columns.Length > 0 && columns[0] == "code" && columns.Contains("unit"))
            {
                dataset.Indicators.AddRange(ReadText(file, r => CatalogCsvReader.ReadIndicators(r, file.Name)));
            }
            else if (columns.Length > 1 && columns[0] is "code" or "economy" && columns[1] == "name")
            {
                dataset.Economies.AddRange(ReadText(file, r => CatalogCsvReader.ReadEconomies(RenameEconomyColumn(r), file.Name)));
            }
            else
            {
                using Stream stream = file.Open();
                var options = new ImportOptions { FileName = file.Name, DefaultProvenance = defaultProvenance, DefaultSource = file.Name };
                dataset.Observations.Add(CsvImport.Read(stream, ImportFormat.Detect, options));
            }
        }
        return dataset;
    }

    private static T ReadText<T>(DatasetFile file, Func<TextReader, T> read)
    {
        using TextReader reader = OpenText(file);
        return read(reader);
    }

    private static TextReader OpenText(DatasetFile file)
    {
        Stream stream = file.Open();
        if (file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    private static string FirstLine(DatasetFile file)
    {
        using TextReader reader = OpenText(file);
        return reader.ReadLine() ?? string.Empty;
    }

    /// <summary>Economy lists keyed "economy" (as World Bank extracts are) read as if the column were "code".</summary>
    private static TextReader RenameEconomyColumn(TextReader reader)
    {
        string header = reader.ReadLine() ?? string.Empty;
        string[] columns = header.Split(',');
        if (columns.Length > 0 && columns[0].Trim().TrimStart('\uFEFF').Equals("economy", StringComparison.OrdinalIgnoreCase))
        {
            columns[0] = "code";
        }
        return new StringReader(string.Join(",", columns) + "\n" + reader.ReadToEnd());
    }
}
