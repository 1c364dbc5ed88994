namespace TradeGrid.Data.Model;

/// <summary>A series after a merge, as parallel arrays sorted by year; Changed counts values that are new or different.</summary>
public sealed record MergedSeries(int[] Years, double[] Values, byte[] Provenance, string[] Sources, int Changed);
