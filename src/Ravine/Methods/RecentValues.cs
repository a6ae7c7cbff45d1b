namespace Ravine.Methods;

/// <summary>
/// The last few values of a sequence a method keeps (the newest replaces the oldest once it is full), saved in a
/// checkpoint as its slots and a count. No allocation after construction.
/// </summary>
internal sealed class RecentValues(int capacity)
{
    private readonly double[] _slots = new double[capacity];
    // Counted modulo the ring once it is full (capacity … 2·capacity − 1), so it stays bounded and the next slot stays right.
    private int _count;

    /// <summary>How many values are kept: the values added, up to the capacity.</summary>
    public int Count => Math.Min(_count, _slots.Length);

    /// <summary>The kept values, in slot order (not in the order they came).</summary>
    public ReadOnlySpan<double> Values => _slots.AsSpan(0, Count);

    /// <summary>The value added <paramref name="back"/> values ago: 0 the newest, up to <see cref="Count"/> − 1.</summary>
    public double Back(int back) => _slots[(_count - 1 - back) % _slots.Length];

    public void Add(double value)
    {
        _slots[_count % _slots.Length] = value;
        if (++_count == 2 * _slots.Length) _count = _slots.Length;
    }

    public void Clear() => _count = 0;

    /// <summary>The slots (a copy) and the count, as a checkpoint keeps them.</summary>
    public (double[] Slots, int Count) Save() => ((double[])_slots.Clone(), _count);

    /// <summary>Continues from what <see cref="Save"/> returned; a checkpoint written before the values were kept has no slots and a count of 0.</summary>
    /// <exception cref="FormatException">The slots are not as many as the capacity, or the count is out of range.</exception>
    public void Restore(double[]? slots, int count, string slotsKey, string countKey)
    {
        if (slots is not null) MethodStateEntry.Vector(slots, _slots, slotsKey);
        _count = MethodStateEntry.Count(count, 2 * _slots.Length, countKey);
    }
}
