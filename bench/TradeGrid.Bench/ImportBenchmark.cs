namespace TradeGrid.Bench;

internal sealed class ImportBenchmark(Servers servers)
{
    public Task RunAsync(BenchOptions options, ResultLog log) => throw new NotImplementedException($"{servers} {options} {log}");
}
