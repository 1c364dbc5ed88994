using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Short_switches_become_configuration_keys_and_data_dirs_repeat()
    {
        string[] mapped = CommandLine.ToConfigurationArgs(["--grpc-port", "6000", "--data-dir", "a", "--data-dir=b", "--no-default-data", "--Other:Key=1"]);

        Assert.Equal(
            ["--TradeGrid:GrpcPort=6000", "--TradeGrid:DataDirs:0=a", "--TradeGrid:DataDirs:1=b", "--TradeGrid:LoadDefaultDataset=false", "--Other:Key=1"],
            mapped);
    }

    [Fact]
    public void A_switch_without_its_value_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.ToConfigurationArgs(["--http-port"]));

        Assert.Contains("--http-port needs a value", error.Message);
    }
}
