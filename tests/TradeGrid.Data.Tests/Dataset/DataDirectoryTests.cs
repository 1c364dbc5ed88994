using System.IO.Compression;
using TradeGrid.Data.Dataset;
using TradeGrid.Data.Tests.Support;

namespace TradeGrid.Data.Tests.Dataset;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Every_csv_of_a_data_directory_is_read_by_its_kind()
    {
        string dir = SharedData.Path(".");
        // An independent count of the tidy files' data rows: lines minus the header, gzip or not.
        long expectedTidyRows = Directory.EnumerateFiles(dir, "*.csv*")
            .Where(f => !Path.GetFileName(f).StartsWith("economies", StringComparison.Ordinal))
            .Sum(f => CountLines(f) - 1);

        IReadOnlyList<DatasetFile> files = DataDirectory.Files(dir);
        LoadedDataset dataset = DatasetReader.Read(files);

        Assert.Contains(files, f => f.Name.EndsWith("wdi_indicators.csv.gz", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Name.EndsWith(".md", StringComparison.Ordinal) || f.Name.EndsWith(".py", StringComparison.Ordinal));
        Assert.True(dataset.Economies.Count > 200, "economies_wb.csv is a catalogue, not observations");
        Assert.Equal(files.Count - 1, dataset.Observations.Count);
        long tidyRows = dataset.Observations.Where(o => o.Rows.Count > 0 && !o.Rows[0].Source.Contains("wb_wide_raw", StringComparison.Ordinal)).Sum(o => o.RowsRead);
        Assert.Equal(expectedTidyRows, tidyRows);
    }

    [Fact]
    public void A_missing_directory_says_which_path_was_tried()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Files("no/such/dir"));

        Assert.Contains(Path.GetFullPath("no/such/dir"), error.Message);
    }

    private static long CountLines(string path)
    {
        using Stream raw = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream);
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                n++;
            }
        }
        return n;
    }
}
