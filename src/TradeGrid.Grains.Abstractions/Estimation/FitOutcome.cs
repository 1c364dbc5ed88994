namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>A fit as the coordinator keeps it: the spec, the numbers, what was left out, and the data versions it rests on.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.FitOutcome")]
public sealed record FitOutcome
{
    [Id(0)] public required string FitId { get; init; }
    [Id(1)] public required DesignSpec Spec { get; init; }
    [Id(2)] public required FitStatistics Statistics { get; init; }

    /// <summary>Rows left out before the fit (missing values, logs of non-positive values), summed over economies by reason.</summary>
    [Id(3)] public required DropNote[] Drops { get; init; }

    /// <summary>Data versions of every economy read: the reporters, and the partners whose series regressors used.</summary>
    [Id(4)] public required EconomyVersion[] Versions { get; init; }

    /// <summary>Economy grains that contributed rows.</summary>
    [Id(5)] public required int Blocks { get; init; }
    [Id(6)] public required DateTimeOffset FittedAt { get; init; }

    /// <summary>Served from the coordinator's cache (the data versions had not changed).</summary>
    [Id(7)] public bool FromCache { get; init; }

    /// <summary>Some economy's data changed since the fit (GetFit only; Fit would have refitted).</summary>
    [Id(8)] public bool Stale { get; init; }
}
