namespace TradeGrid.Grains.Abstractions.Cluster;

/// <summary>
/// The answer to a claim: <see cref="Seeded"/> (load nothing; <see cref="Summary"/> says what the first load was),
/// <see cref="Granted"/> (load now, then mark seeded), or neither (another silo, <see cref="Holder"/>, is loading: ask again).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeedClaim")]
public sealed record SeedClaim([property: Id(0)] bool Seeded, [property: Id(1)] bool Granted, [property: Id(2)] string Holder, [property: Id(3)] string Summary);
