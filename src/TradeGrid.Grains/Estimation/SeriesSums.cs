using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// A variable's series by code, where a code may be a sum of codes joined by '+' (the gateway resolves such a sum
/// only when every part is a known code and the whole is not): BaTIS's digitally deliverable services are
/// SF+SG+SH+SI+SJ+SK, six series of one reporter and partner. The sum has a value in a year where every part has a
/// finite one; a part missing in a year leaves the year out rather than counting it as zero.
/// </summary>
internal static class SeriesSums
{
    public const char Plus = '+';

    /// <summary>The codes a variable reads: the code itself, or the parts of a sum.</summary>
    public static string[] Parts(string indicator) => indicator.Contains(Plus) ? indicator.Split(Plus) : [indicator];

    /// <summary>The series of <paramref name="indicator"/> to <paramref name="partner"/> (empty: unilateral), summed over its parts; null when a part is absent.</summary>
    public static SeriesRecord? Find(IReadOnlyDictionary<string, SeriesRecord> series, string indicator, string partner)
    {
        if (series.TryGetValue(SeriesRecord.Key(indicator, partner), out SeriesRecord? whole) || !indicator.Contains(Plus))
        {
            return whole;
        }

        string[] codes = indicator.Split(Plus);
        var parts = new SeriesRecord[codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            if (!series.TryGetValue(SeriesRecord.Key(codes[i], partner), out SeriesRecord? part))
            {
                return null;
            }

            parts[i] = part;
        }

        var years = new List<int>();
        var values = new List<double>();
        foreach (int t in parts[0].Years)
        {
            double sum = 0.0;
            bool all = true;
            foreach (SeriesRecord part in parts)
            {
                int at = Array.BinarySearch(part.Years, t);
                if (at < 0 || !double.IsFinite(part.Values[at]))
                {
                    all = false;
                    break;
                }

                sum += part.Values[at];
            }

            if (all)
            {
                years.Add(t);
                values.Add(sum);
            }
        }

        return new SeriesRecord(indicator, partner, years.ToArray(), values.ToArray(), new byte[years.Count], [], [], parts.Max(p => p.Version));
    }
}
