using TradeGrid.Bench.Forecast.Accuracy;

// Out-of-sample accuracy of every TradeGrid method beside R's, on collections split by time (see Collections).
//   prepare <repository data dir> <shared data dir> <collections, e.g. pwt,unctad,wdi> <series.csv>
//   score <series.csv> <R forecasts csv> <report.md>
//   design <validation series.csv> <R forecasts csv, or a missing file> <table.md>   (candidate design, see Design)
// Run through bench/forecast/accuracy.sh.
if (args.Length == 5 && args[0] == "prepare")
{
    IReadOnlyList<HoldoutCase> cases = Collections.Load(args[1], args[2], args[3].Split(',').ToHashSet(StringComparer.Ordinal));
    SeriesFile.Write(args[4], cases);
    Console.WriteLine($"{cases.Count} series: " + string.Join(", ", cases.GroupBy(c => c.Collection).Select(g => $"{g.Key} {g.Count()}")));
    return 0;
}
if (args.Length == 4 && args[0] == "score")
{
    List<HoldoutCase> cases = SeriesFile.Read(args[1]);
    Dictionary<(string Id, string Method), double[]?> r = SeriesFile.ReadForecasts(args[2]);
    var forecasts = new Dictionary<string, double[]?>[cases.Count];
    // Two workers: the machine is shared; the fits are independent.
    Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => forecasts[i] = TradeGridForecasts.For(cases[i]));
    for (int i = 0; i < cases.Count; i++)
    {
        string key = $"{cases[i].Collection}/{cases[i].Id}";
        double[]?[] three = new double[]?[3];
        for (int m = 0; m < Report.RMethods.Length; m++)
        {
            forecasts[i][Report.RMethods[m]] = r.GetValueOrDefault((key, Report.RMethods[m]));
            if (m < 3)
            {
                three[m] = forecasts[i][Report.RMethods[m]];
            }
        }
        forecasts[i][Report.RMean] = three.All(p => p is not null)
            ? Enumerable.Range(0, cases[i].Test.Length).Select(j => three.Average(p => p![j])).ToArray() // ! checked by All above
            : null;
    }
    string[] methods = [.. TradeGridForecasts.Methods, .. Report.RMethods, Report.RMean];
    string report = Report.Build(cases, forecasts, methods);
    File.WriteAllText(args[3], report);
    Console.Write(report);
    return 0;
}
if (args.Length == 4 && args[0] == "design")
{
    List<HoldoutCase> cases = SeriesFile.Read(args[1]);
    Dictionary<(string Id, string Method), double[]?> r = File.Exists(args[2]) ? SeriesFile.ReadForecasts(args[2]) : [];
    string table = Design.Run(cases, r);
    File.WriteAllText(args[3], table);
    Console.Write(table);
    return 0;
}
Console.Error.WriteLine("usage: prepare <repository data> <shared data> <collections> <series.csv> | score <series.csv> <r.csv> <report.md> | design <series.csv> <r.csv> <table.md>");
return 2;
