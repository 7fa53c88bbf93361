namespace LogReg.Distributed;

/// <summary>FNV-1a (64-bit), fed 8 bytes at a time: the shards' fingerprint of what they read.</summary>
internal struct Fnv64
{
    private ulong _hash;

    public Fnv64() => _hash = 14695981039346656037UL;

    public readonly ulong Value => _hash;

    public void Mix(ulong value)
    {
        for (int b = 0; b < 8; b++)
        {
            _hash = (_hash ^ ((value >> (8 * b)) & 0xFF)) * 1099511628211UL;
        }
    }

    public void Mix(double value) => Mix(BitConverter.DoubleToUInt64Bits(value));
}
