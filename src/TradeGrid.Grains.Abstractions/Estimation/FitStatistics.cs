using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// The numbers of a fit, OLS/FE or PPML, as they cross grain calls. Arrays run over the reported coefficients;
/// statistics that do not apply to the estimator are NaN (R² for PPML, deviance for OLS).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.FitStatistics")]
public sealed record FitStatistics
{
    [Id(0)] public required string[] Names { get; init; }
    [Id(1)] public required double[] Coefficients { get; init; }
    [Id(2)] public required double[] StandardErrors { get; init; }
    [Id(3)] public required double[] TStatistics { get; init; }
    [Id(4)] public required double[] PValues { get; init; }
    [Id(5)] public required double[] NormalPValues { get; init; }
    [Id(6)] public required double[] ConfidenceLower { get; init; }
    [Id(7)] public required double[] ConfidenceUpper { get; init; }
    [Id(8)] public required double ConfidenceLevel { get; init; }
    [Id(9)] public required double[] Covariance { get; init; }
    [Id(10)] public required double Df { get; init; }
    [Id(11)] public required int Observations { get; init; }
    [Id(12)] public required int Parameters { get; init; }
    [Id(13)] public required int AbsorbedParameters { get; init; }
    [Id(14)] public required int Clusters { get; init; }
    [Id(15)] public required int Groups { get; init; }
    [Id(16)] public required int ResidualDf { get; init; }
    [Id(17)] public required double RSquared { get; init; }
    [Id(18)] public required double AdjustedRSquared { get; init; }
    [Id(19)] public required double WithinRSquared { get; init; }
    [Id(20)] public required double FStatistic { get; init; }
    [Id(21)] public required double FDf1 { get; init; }
    [Id(22)] public required double FDf2 { get; init; }
    [Id(23)] public required double FPValue { get; init; }
    [Id(24)] public required double WaldF { get; init; }
    [Id(25)] public required double WaldDf1 { get; init; }
    [Id(26)] public required double WaldDf2 { get; init; }
    [Id(27)] public required double WaldPValue { get; init; }
    [Id(28)] public required double Sigma { get; init; }
    [Id(29)] public required double Rss { get; init; }
    [Id(30)] public required double LogLikelihood { get; init; }
    [Id(31)] public required double Aic { get; init; }
    [Id(32)] public required double Bic { get; init; }
    [Id(33)] public required double Deviance { get; init; }
    [Id(34)] public required double PseudoRSquared { get; init; }
    [Id(35)] public required int Iterations { get; init; }
    [Id(36)] public required bool Converged { get; init; }
    [Id(37)] public required double LastChange { get; init; }
    [Id(38)] public required string[] DroppedColumns { get; init; }
    [Id(39)] public required string[] SeparationNotes { get; init; }
    [Id(40)] public required int SeparatedRows { get; init; }

    /// <summary>Absorbed effect sets and their groups (formula fits; empty otherwise).</summary>
    [Id(41)] public string[] EffectNames { get; init; } = [];
    [Id(42)] public int[] EffectGroups { get; init; } = [];

    /// <summary>Clustering dimensions and their clusters (formula fits; empty otherwise).</summary>
    [Id(43)] public string[] ClusterNames { get; init; } = [];
    [Id(44)] public int[] ClusterCounts { get; init; } = [];

    /// <summary>The small-sample convention of the covariance, in words (formula fits).</summary>
    [Id(45)] public string SmallSample { get; init; } = string.Empty;
    [Id(46)] public int SingletonRows { get; init; }
    [Id(47)] public string SingletonExample { get; init; } = string.Empty;
    [Id(48)] public string SeparatedExample { get; init; } = string.Empty;
    [Id(49)] public double DependentMean { get; init; } = double.NaN;
    [Id(50)] public int ProjectionIterations { get; init; }

    public static FitStatistics From(AbsorbedFit fit, string singletonExample, string separatedExample)
    {
        ArgumentNullException.ThrowIfNull(fit);
        int q = fit.Names.Length;
        double wald = double.NaN;
        if (q > 0)
        {
            var v = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(q, q, (a, b) => fit.Covariance[a * q + b]);
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(fit.Coefficients);
            wald = b.DotProduct(v.Solve(b)) / q;
        }

        return new FitStatistics
        {
            Names = fit.Names,
            Coefficients = fit.Coefficients,
            StandardErrors = fit.StandardErrors,
            TStatistics = fit.TStatistics,
            PValues = fit.PValues,
            NormalPValues = fit.NormalPValues,
            ConfidenceLower = fit.ConfidenceLower,
            ConfidenceUpper = fit.ConfidenceUpper,
            ConfidenceLevel = fit.ConfidenceLevel,
            Covariance = fit.Covariance,
            Df = fit.Df,
            Observations = fit.Observations,
            Parameters = fit.Parameters,
            AbsorbedParameters = fit.AbsorbedParameters,
            Clusters = fit.Clusters.Length == 0 ? 0 : fit.Clusters.Min(c => c.Groups),
            Groups = fit.Effects.Sum(e => e.Groups),
            ResidualDf = fit.Observations - fit.SmallSampleK,
            RSquared = fit.RSquared,
            AdjustedRSquared = fit.AdjustedRSquared,
            WithinRSquared = fit.WithinRSquared,
            FStatistic = double.NaN,
            FDf1 = q,
            FDf2 = double.NaN,
            FPValue = double.NaN,
            WaldF = wald,
            WaldDf1 = q,
            WaldDf2 = fit.Df,
            WaldPValue = double.IsFinite(wald) ? 1.0 - MathNet.Numerics.Distributions.FisherSnedecor.CDF(q, fit.Df, wald) : double.NaN,
            Sigma = fit.Sigma,
            Rss = fit.Rss,
            LogLikelihood = fit.LogLikelihood,
            Aic = double.NaN,
            Bic = double.NaN,
            Deviance = fit.Deviance,
            PseudoRSquared = fit.PseudoRSquared,
            Iterations = fit.Iterations,
            Converged = true,
            LastChange = double.NaN,
            DroppedColumns = fit.DroppedColumns,
            SeparationNotes = fit.SeparationNotes,
            SeparatedRows = fit.Separated,
            EffectNames = fit.Effects.Select(e => e.Name).ToArray(),
            EffectGroups = fit.Effects.Select(e => e.Groups).ToArray(),
            ClusterNames = fit.Clusters.Select(c => c.Name).ToArray(),
            ClusterCounts = fit.Clusters.Select(c => c.Groups).ToArray(),
            SmallSample = fit.SmallSample,
            SingletonRows = fit.Singletons,
            SingletonExample = singletonExample,
            SeparatedExample = separatedExample,
            DependentMean = fit.DependentMean,
            ProjectionIterations = fit.ProjectionIterations,
        };
    }

    public static FitStatistics From(OlsFit fit) => new()
    {
        Names = fit.Names,
        Coefficients = fit.Coefficients,
        StandardErrors = fit.StandardErrors,
        TStatistics = fit.TStatistics,
        PValues = fit.PValues,
        NormalPValues = fit.NormalPValues,
        ConfidenceLower = fit.ConfidenceLower,
        ConfidenceUpper = fit.ConfidenceUpper,
        ConfidenceLevel = fit.ConfidenceLevel,
        Covariance = fit.Covariance,
        Df = fit.Df,
        Observations = fit.Observations,
        Parameters = fit.Parameters,
        AbsorbedParameters = fit.AbsorbedParameters,
        Clusters = fit.Clusters,
        Groups = fit.Groups,
        ResidualDf = fit.ResidualDf,
        RSquared = fit.RSquared,
        AdjustedRSquared = fit.AdjustedRSquared,
        WithinRSquared = fit.WithinRSquared,
        FStatistic = fit.FStatistic,
        FDf1 = fit.FDf1,
        FDf2 = fit.FDf2,
        FPValue = fit.FPValue,
        WaldF = fit.WaldF,
        WaldDf1 = fit.FDf1,
        WaldDf2 = fit.WaldDf2,
        WaldPValue = fit.WaldPValue,
        Sigma = fit.Sigma,
        Rss = fit.Rss,
        LogLikelihood = fit.LogLikelihood,
        Aic = fit.Aic,
        Bic = fit.Bic,
        Deviance = double.NaN,
        PseudoRSquared = double.NaN,
        Iterations = 0,
        Converged = true,
        LastChange = double.NaN,
        DroppedColumns = fit.DroppedColumns,
        SeparationNotes = [],
        SeparatedRows = 0,
    };

    public static FitStatistics From(PoissonFit fit, int separatedRows) => new()
    {
        Names = fit.Names,
        Coefficients = fit.Coefficients,
        StandardErrors = fit.StandardErrors,
        TStatistics = fit.TStatistics,
        PValues = fit.PValues,
        NormalPValues = fit.NormalPValues,
        ConfidenceLower = fit.ConfidenceLower,
        ConfidenceUpper = fit.ConfidenceUpper,
        ConfidenceLevel = fit.ConfidenceLevel,
        Covariance = fit.Covariance,
        Df = fit.Df,
        Observations = fit.Observations,
        Parameters = fit.Parameters,
        AbsorbedParameters = fit.AbsorbedParameters,
        Clusters = fit.Clusters,
        Groups = fit.Groups,
        ResidualDf = fit.Observations - fit.Parameters - fit.AbsorbedParameters,
        RSquared = double.NaN,
        AdjustedRSquared = double.NaN,
        WithinRSquared = double.NaN,
        FStatistic = double.NaN,
        FDf1 = double.NaN,
        FDf2 = double.NaN,
        FPValue = double.NaN,
        WaldF = fit.WaldF,
        WaldDf1 = fit.WaldDf1,
        WaldDf2 = fit.WaldDf2,
        WaldPValue = fit.WaldPValue,
        Sigma = double.NaN,
        Rss = double.NaN,
        LogLikelihood = fit.LogLikelihood,
        Aic = fit.Aic,
        Bic = fit.Bic,
        Deviance = fit.Deviance,
        PseudoRSquared = fit.PseudoRSquared,
        Iterations = fit.Iterations,
        Converged = fit.Converged,
        LastChange = fit.LastChange,
        DroppedColumns = fit.DroppedColumns,
        SeparationNotes = fit.SeparationNotes,
        SeparatedRows = separatedRows,
    };
}
