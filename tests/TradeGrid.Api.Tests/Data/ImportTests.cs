using System.Text;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Data;

/// <summary>Imports through the Import RPC. Its own server: the World Bank file adds an indicator to 265 economies.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class ImportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private DataService.DataServiceClient Client => new(server.Channel);

    private async Task<long> VersionOf(string economy) => (await Client.GetEconomyAsync(new GetEconomyRequest { Economy = economy })).DataVersion;

    [Fact]
    public async Task A_tidy_import_with_new_economies_is_served_back()
    {
        ImportResponse response = await Client.ImportAsync(
            "economy,indicator,year,value,partner\nIMA,imp_x,2020,1.5,\nIMA,imp_x,2021,2.5,\nIMA,imp_x,2021,7,IMB\n", createEconomies: true);

        Assert.Equal(3, response.RowsRead);
        Assert.Equal(3, response.ObservationsWritten);
        Assert.Equal(["IMA", "IMB"], response.EconomiesCreated.Order());
        Assert.Contains("imp_x", response.IndicatorsAdded);
        GetSeriesResponse series = await Client.GetSeriesAsync(new GetSeriesRequest { Economy = "IMA", Indicator = "imp_x" });
        Assert.Equal([1.5, 2.5], series.Series.Observations.Select(o => o.Value));
        GetSeriesResponse bilateral = await Client.GetSeriesAsync(new GetSeriesRequest { Economy = "IMA", Indicator = "imp_x", Partner = "IMB" });
        Assert.Equal([7.0], bilateral.Series.Observations.Select(o => o.Value));
        Assert.Equal(response.DataVersions.Single(v => v.Economy == "IMA").Version, await VersionOf("IMA"));
    }

    [Theory]
    [InlineData("CHN,imp_bad,2020,abc", StatusCode.InvalidArgument, "line 3, column 'value'")]
    [InlineData("CHN,imp_bad,2020,NaN", StatusCode.InvalidArgument, "not a finite number")]
    [InlineData("CHN,imp_bad,3020,1", StatusCode.InvalidArgument, "line 3, column 'year'")]
    [InlineData("CHN,imp_bad,2020", StatusCode.InvalidArgument, "line 3, column '*'")]
    [InlineData("XXQ,imp_bad,2020,1", StatusCode.NotFound, "unknown economy 'XXQ' (line 3)")]
    public async Task One_bad_row_imports_nothing_and_names_the_line(string badRow, StatusCode status, string message)
    {
        long chn = await VersionOf("CHN");
        long jpn = await VersionOf("JPN");

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportAsync($"economy,indicator,year,value\nJPN,imp_bad,2019,1\n{badRow}\n"));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
        Assert.Equal(chn, await VersionOf("CHN"));
        Assert.Equal(jpn, await VersionOf("JPN"));
        ListIndicatorsResponse indicators = await Client.ListIndicatorsAsync(new ListIndicatorsRequest { Contains = "imp_bad" });
        Assert.Empty(indicators.Indicators);
    }

    [Fact]
    public async Task A_bad_row_deep_in_a_large_upload_is_found_and_nothing_is_written()
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        for (int i = 0; i < 20_000; i++)
        {
            csv.Append("KOR,imp_big,").Append(1900 + i % 120).Append(",1\n");
        }
        csv.Append("KOR,imp_big,2000,oops\n");
        long before = await VersionOf("KOR");

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportAsync(csv.ToString(), chunkBytes: 8192));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("line 20002", error.Status.Detail);
        Assert.Equal(before, await VersionOf("KOR"));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_resource_exhausted_and_changes_nothing()
    {
        long before = await VersionOf("AUS");
        var csv = new StringBuilder("economy,indicator,year,value\n");
        while (csv.Length <= ServerFixture.MaxImportBytes)
        {
            csv.Append("AUS,imp_huge,2000,1\n");
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportAsync(csv.ToString(), chunkBytes: 256 * 1024));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("TradeGrid:Import:MaxBytes", error.Status.Detail);
        Assert.Equal(before, await VersionOf("AUS"));
    }

    [Fact]
    public async Task A_world_bank_bulk_file_imports_its_known_economies()
    {
        byte[] file = await File.ReadAllBytesAsync(RepoFiles.Shared("wb_wide_raw/API_NE.TRD.GNFS.ZS_DS2_en_csv_v2_171.csv"));

        ImportResponse response = await Client.ImportAsync(file, new ImportHeader { FileName = "trade.csv", CreateEconomies = true });

        // Every non-empty year cell of the file's 265 rows (economies and World Bank aggregates), counted with Python's csv module.
        Assert.Equal(11_218, response.ObservationsWritten);
        GetSeriesResponse chn = await Client.GetSeriesAsync(new GetSeriesRequest { Economy = "CHN", Indicator = "NE.TRD.GNFS.ZS", From = 2015, To = 2015 });
        Assert.Equal(2015, Assert.Single(chn.Series.Observations).Year);
        // The file's cell "38.6971848362625", parsed to the nearest double: exact, not close.
        Assert.Equal(38.6971848362625, chn.Series.Observations[0].Value);
    }

    [Fact]
    public async Task An_import_must_start_with_a_header()
    {
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = Client.Import();
        await call.RequestStream.WriteAsync(new ImportRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8("economy,indicator,year,value\n") });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("ImportHeader", error.Status.Detail);
    }
}
