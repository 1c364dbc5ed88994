namespace TradeGrid.Data.Csv;

/// <summary>The file layouts the importer reads. Numbers match <c>tradegrid.v1.ImportFormat</c>.</summary>
public enum ImportFormat
{
    Detect = 0,
    Tidy = 1,
    WorldBankWide = 2,
}
