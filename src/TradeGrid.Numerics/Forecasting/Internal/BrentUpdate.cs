namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// The bookkeeping step that Brent's minimiser (R's Brent_fmin, <see cref="BrentMinimum"/>) and smooth.spline's spar
/// search (sbart, <see cref="SmoothingSplineGcv"/>) share: after f(u), shrink the bracket [a, b] and keep the best
/// point x, the second best w and the previous w as v, with their values.
/// </summary>
internal static class BrentUpdate
{
    public static void Accept(
        double u, double fu, ref double a, ref double b, ref double v, ref double w, ref double x, ref double fv, ref double fw, ref double fx)
    {
        if (fu <= fx)
        {
            if (u < x)
            {
                b = x;
            }
            else
            {
                a = x;
            }

            (v, w, x) = (w, x, u);
            (fv, fw, fx) = (fw, fx, fu);
            return;
        }

        if (u < x)
        {
            a = u;
        }
        else
        {
            b = u;
        }

        if (fu <= fw || w == x)
        {
            (v, fv) = (w, fw);
            (w, fw) = (u, fu);
        }
        else if (fu <= fv || v == x || v == w)
        {
            (v, fv) = (u, fu);
        }
    }
}
