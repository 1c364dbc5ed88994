using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The coordinator's own time per fit, from the silo's log line <c>Fit ID: … in X ms</c>: the rounds (QR factors,
/// scores, IRLS iterations) after the rows are built, without the version checks, the partner series' gathering, the
/// economies' row building (their first round) and gRPC.
/// </summary>
internal static partial class SiloLog
{
    public static Dictionary<string, double> RoundsMs(string logPath)
    {
        var rounds = new Dictionary<string, double>(StringComparer.Ordinal);
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            Match match = FitLine().Match(line);
            if (match.Success)
            {
                rounds[match.Groups[1].Value] = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        return rounds;
    }

    [GeneratedRegex(@"Fit ([0-9a-f]+): \w+ on \d+ rows of \d+ economies in ([0-9.]+) ms")]
    private static partial Regex FitLine();
}
