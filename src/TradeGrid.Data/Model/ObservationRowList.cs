using System.Collections;

namespace TradeGrid.Data.Model;

/// <summary>
/// An append-only list of rows in fixed-size chunks: adding a million rows never copies one (a <see cref="List{T}"/>
/// copies each row about twice while it grows, and every copy of its large array also costs the GC).
/// </summary>
public sealed class ObservationRowList : IReadOnlyList<ObservationRow>
{
    private const int ChunkBits = 14;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<ObservationRow[]> _chunks = [];

    public int Count { get; private set; }

    public ObservationRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    public void Add(in ObservationRow row)
    {
        int offset = Count & (ChunkSize - 1);
        if (offset == 0)
        {
            _chunks.Add(new ObservationRow[ChunkSize]);
        }
        _chunks[^1][offset] = row;
        Count++;
    }

    public IEnumerator<ObservationRow> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _chunks[i >> ChunkBits][i & (ChunkSize - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
