using TradeGrid.Api.Hosting;
using TradeGrid.Api.Security;

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

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    public void A_negative_or_undefined_checkpoint_interval_stops_the_start_naming_the_setting(string seconds)
    {
        var error = Assert.Throws<StartupRefusedException>(() => TradeGridHost.Build(["--grpc-port", "0", "--http-port", "0", $"--TradeGrid:Scenarios:CheckpointSeconds={seconds}"]));

        Assert.Contains("TradeGrid:Scenarios:CheckpointSeconds must be a number of seconds ≥ 0", error.Message, StringComparison.Ordinal);
    }
}
