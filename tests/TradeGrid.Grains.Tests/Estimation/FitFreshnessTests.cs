using System.Globalization;
using System.Text;
using Orleans.Concurrency;
using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// A cached fit is served on the change board's word while no economy of its sample has a note, and refitted after
/// any write to one of them: a direct write, a committed multi-economy write, and one whose note came before a version
/// check that found its rows staged and undecided. An absorbed OLS fit that may start from another fit's prepared
/// design starts from one of the same data only.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FitFreshnessTests(TwoSiloCluster cluster)
{
    private IChangeBoardGrain Board => cluster.Grains.ChangeBoard();

    [Fact]
    public async Task The_board_reports_a_note_only_for_the_economies_noted_after_the_token()
    {
        ChangeCheck start = await Board.ChangedSince(null, ["FFN0"]);
        await Board.Note(["FFN0"]);

        Assert.True(start.Changed);
        Assert.True((await Board.ChangedSince(start.Now, ["FFN0", "FFN1"])).Changed);
        Assert.False((await Board.ChangedSince(start.Now, ["FFN1"])).Changed);
        ChangeToken after = (await Board.ChangedSince(start.Now, ["FFN1"])).Now;
        Assert.False((await Board.ChangedSince(after, ["FFN0", "FFN1"])).Changed);
        Assert.True((await Board.ChangedSince(after with { Board = Guid.NewGuid() }, ["FFN1"])).Changed);
    }

    [Fact]
    public async Task A_cached_fit_is_served_without_asking_its_economies_until_one_of_them_is_written()
    {
        string[] codes = await SeedAsync("FFA");
        FitOutcome first = await FitAsync(codes);
        Assert.False(first.FromCache);
        int reads = codes.Sum(VersionReadCounter.Reads);

        await Board.Note(["FFA_ELSEWHERE"]);
        FitOutcome cached = await FitAsync(codes);

        Assert.True(cached.FromCache);
        Assert.Equal(reads, codes.Sum(VersionReadCounter.Reads));

        await cluster.Grains.Economy(codes[1]).Write(new Immutable<ObservationBatch>(Rows(codes[1], "ff_y", 2001, 99.0)));
        FitOutcome refitted = await FitAsync(codes);

        Assert.False(refitted.FromCache);
        Assert.True(codes.Sum(VersionReadCounter.Reads) > reads);
        Assert.NotEqual(first.Statistics.Coefficients, refitted.Statistics.Coefficients);
    }

    [Fact]
    public async Task A_write_noted_and_staged_but_not_yet_committed_is_not_missed_once_it_commits()
    {
        string[] codes = await SeedAsync("FFB");
        FitOutcome first = await FitAsync(codes);
        var hooks = new HeldCommit();
        Task<WriteReceipt> write = new WriteCoordinator(cluster.Grains, hooks)
            .WriteAsync(new Dictionary<string, ObservationBatch> { [codes[2]] = Rows(codes[2], "ff_y", 2003, -50.0) }, CancellationToken.None);
        await hooks.Held;

        // Noted and staged, not committed: the fit still holds, but what the economies said cannot be trusted later.
        FitOutcome during = await FitAsync(codes);
        hooks.Release();
        await write;
        FitOutcome after = await FitAsync(codes);

        Assert.True(during.FromCache);
        Assert.False(after.FromCache);
        Assert.NotEqual(first.Statistics.Coefficients, after.Statistics.Coefficients);
    }

    [Theory]
    [InlineData(EstimatorKind.Ols, "FFC")]
    [InlineData(EstimatorKind.Ppml, "FFD")]
    public async Task An_absorbed_fit_at_another_level_reuses_nothing_stale_after_a_write(EstimatorKind estimator, string prefix)
    {
        // The second and third fits differ from the first only in their level: they may start from the design (OLS: the
        // rows with the effects projected out; PPML: the IRLS converged) the first prepared, as long as no economy of the
        // sample was written since.
        string[] codes = await SeedAsync(prefix);
        FitOutcome first = await FitAsync(codes, absorbed: true, level: 0.95, estimator);
        FitOutcome sameRows = await FitAsync(codes, absorbed: true, level: 0.90, estimator);
        await cluster.Grains.Economy(codes[3]).Write(new Immutable<ObservationBatch>(Rows(codes[3], "ff_y", 2004, 500.0)));
        FitOutcome written = await FitAsync(codes, absorbed: true, level: 0.80, estimator);

        Assert.Equal(first.Statistics.Coefficients, sameRows.Statistics.Coefficients);
        Assert.Equal(first.Statistics.StandardErrors, sameRows.Statistics.StandardErrors);
        Assert.NotEqual(first.Statistics.ConfidenceLower, sameRows.Statistics.ConfidenceLower);
        Assert.NotEqual(first.Statistics.Coefficients, written.Statistics.Coefficients);
    }

    private async Task<FitOutcome> FitAsync(string[] codes, bool absorbed = false, double level = 0.95, EstimatorKind estimator = EstimatorKind.Ols)
    {
        var spec = new DesignSpec
        {
            Dependent = new VariableSpec("ff_y", TransformKind.Level, 0, SideKind.Reporter),
            Regressors = [new VariableSpec("ff_x", TransformKind.Level, 0, SideKind.Reporter)],
            Economies = codes,
            Partners = [],
            From = 0,
            To = 0,
            Effects = EffectsKind.None,
            Estimator = estimator,
            Covariance = absorbed ? CovarianceChoice.ClusterCr1 : CovarianceChoice.Hc1,
            ConfidenceLevel = level,
            DropCollinear = false,
            DropNonpositiveLog = false,
            Absorbed = absorbed,
            EffectSets = absorbed ? ["reporter", "year"] : [],
            ClusterBy = absorbed ? ["reporter"] : [],
        };
        return await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
    }

    private static ObservationBatch Rows(string economy, string indicator, int year, double value) =>
        ObservationBatch.From([new ObservationRow(economy, indicator, string.Empty, year, value, Provenance.Reported, "test", 0)]);

    /// <summary>Four economies with ff_x and ff_y over 2000–2009 (a line with some noise, seeded).</summary>
    private async Task<string[]> SeedAsync(string prefix)
    {
        string[] codes = Enumerable.Range(0, 4).Select(i => $"{prefix}{i}").ToArray();
        var random = new Random(prefix.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (string code in codes)
        {
            for (int year = 2000; year <= 2009; year++)
            {
                double x = random.NextDouble() * 10.0;
                double y = 1.0 + 2.0 * x + random.NextDouble();
                csv.Append(CultureInfo.InvariantCulture, $"{code},ff_x,{year},{x:R}\n{code},ff_y,{year},{y:R}\n");
            }
        }
        await cluster.ImportAsync(codes, csv.ToString(), "ff.csv");
        return codes;
    }
}
