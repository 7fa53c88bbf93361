namespace LogReg.Cli;

/// <summary>
/// A set of floats for counting a column's distinct values, reused across columns (<see cref="Clear"/>): open addressing
/// on the values' bits, 0 and −0 one value as <c>HashSet&lt;float&gt;</c> has them (NaN is never added). It replaced
/// <c>HashSet&lt;float&gt;</c>, whose generic code the ReadyToRun tool does not hold precompiled: on a 300 × 3,000 file
/// the schema's counting ran in the JIT's first tier, a tenth of a `cv` run's samples outside the fit.
/// </summary>
internal sealed class FloatSet
{
    // Slot 0 marks empty: a value's key is its bits + 1 (no float has all bits set but a NaN, which is never added).
    private uint[] _slots = new uint[64];
    // 32 − log2 of the table's length: the top bits of the product index it.
    private int _shift = 26;

    /// <summary>How many distinct values were added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the set, keeping its table.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Adds <paramref name="value"/> (not NaN); true when it was not there.</summary>
    public bool Add(float value)
    {
        if (2 * (Count + 1) > _slots.Length)
        {
            Grow();
        }
        return Insert(_slots, _shift, value == 0 ? 1u : BitConverter.SingleToUInt32Bits(value) + 1) && ++Count > 0;
    }

    private static bool Insert(uint[] slots, int shift, uint key)
    {
        int mask = slots.Length - 1;
        // Fibonacci hashing spreads keys that differ only in their low bits (consecutive integers' floats do).
        for (int i = (int)((key * 2654435769u) >> shift); ; i = (i + 1) & mask)
        {
            if (slots[i] == key)
            {
                return false;
            }
            if (slots[i] == 0)
            {
                slots[i] = key;
                return true;
            }
        }
    }

    private void Grow()
    {
        var larger = new uint[_slots.Length * 2];
        _shift--;
        foreach (uint key in _slots)
        {
            if (key != 0)
            {
                Insert(larger, _shift, key);
            }
        }
        _slots = larger;
    }
}
