namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// A long sum in blocks of <see cref="BlockSize"/> terms added plainly, the blocks' totals added with Neumaier's
/// compensation: the error is that of a 256-term sum (the CG's decreases are differences of large sums), at the cost
/// of a plain loop.
/// </summary>
internal struct BlockSum
{
    public const int BlockSize = 256;

    private double _block;
    private int _count;
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        _block += value;
        if (++_count == BlockSize)
        {
            Flush();
        }
    }

    public double Total
    {
        get
        {
            Flush();
            return _sum + _compensation;
        }
    }

    private void Flush()
    {
        double t = _block;
        double sum = _sum + t;
        _compensation += Math.Abs(_sum) >= Math.Abs(t) ? (_sum - sum) + t : (t - sum) + _sum;
        _sum = sum;
        _block = 0.0;
        _count = 0;
    }
}
