using ScottPlot;

namespace TradeGrid.Cli.Plots;

/// <summary>
/// The typeface charts are drawn with. SkiaSharp's Linux native build without dependencies has no fontconfig, so
/// it cannot look a family up by name: the first DejaVu Sans file found is registered with ScottPlot by path.
/// Debian and Ubuntu ship it as fonts-dejavu-core (CI installs it); elsewhere the system default is used.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<bool> Registered = new(() =>
    {
        string? file = Candidates.FirstOrDefault(File.Exists);
        if (file is not null)
        {
            Fonts.AddFontFile(Family, file);
        }
        return file is not null;
    });

    public static bool Register() => Registered.Value;
}
