using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The lane filters' sums, step by step as <see cref="ArmaFilter.Likelihood"/> adds them: a step whose prediction
/// variance F is below the diffuse bound counts, adds v²/F and multiplies the running product of F, whose logarithm is
/// taken (and the product restarted) before it could overflow.
/// </summary>
internal static class ArmaLaneSums
{
    private const int Lanes = SmallArmaFilterLanes.Lanes;

    /// <summary>One step of four lanes: the sums after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Ssq, Vector256<double> Count, Vector256<double> GainProduct) Add(
        Vector256<double> gain, Vector256<double> resid, Vector256<double> ssq, Vector256<double> count, Vector256<double> gainProduct, Span<double> sumLog)
    {
        Vector256<double> counted = Vector256.LessThan(gain, Vector256.Create(ArmaFilter.DiffuseGain));
        count += Vector256<double>.One & counted;
        ssq += (resid * resid / gain) & counted;
        gainProduct = Vector256.ConditionalSelect(counted, gainProduct * gain, gainProduct);
        if (Vector256.GreaterThanAny(gainProduct, Vector256.Create(ArmaFilter.ProductLimit)))
        {
            for (int k = 0; k < Lanes; k++)
            {
                if (gainProduct[k] > ArmaFilter.ProductLimit)
                {
                    sumLog[k] += Math.Log(gainProduct[k]);
                    gainProduct = gainProduct.WithElement(k, 1.0);
                }
            }
        }
        return (ssq, count, gainProduct);
    }

    /// <summary>Each lane's Σ v²/F, Σ log F (with the product's last logarithm) and count, as the scalar filter returns them.</summary>
    public static void Write(
        Vector256<double> ssq, Vector256<double> count, Vector256<double> gainProduct, ReadOnlySpan<double> sumLog,
        Span<double> ssqOut, Span<double> sumLogOut, Span<int> countOut)
    {
        for (int k = 0; k < Lanes; k++)
        {
            ssqOut[k] = ssq[k];
            sumLogOut[k] = sumLog[k] + Math.Log(gainProduct[k]);
            countOut[k] = (int)count[k];
        }
    }
}
