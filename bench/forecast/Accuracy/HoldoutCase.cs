namespace TradeGrid.Bench.Forecast.Accuracy;

/// <summary>One series split by time: fitted on Train (oldest first), scored on Test (the next years).</summary>
internal sealed record HoldoutCase(string Collection, string Group, string Id, int Origin, double[] Train, double[] Test)
{
    /// <summary>MASE's scale: the in-sample mean absolute first difference (the naive method's one-step error).</summary>
    public double Scale
    {
        get
        {
            double sum = 0.0;
            for (int t = 1; t < Train.Length; t++)
            {
                sum += Math.Abs(Train[t] - Train[t - 1]);
            }
            return sum / (Train.Length - 1);
        }
    }
}
