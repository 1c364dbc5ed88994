namespace TradeGrid.Data.Model;

/// <summary>Where a value comes from. The numbers match the protobuf enum <c>tradegrid.v1.Provenance</c>.</summary>
public enum Provenance : byte
{
    Unspecified = 0,
    Reported = 1,
    Published = 2,
    Interpolated = 3,
    Estimated = 4,
    Forecast = 5,
    Derived = 6,
}
