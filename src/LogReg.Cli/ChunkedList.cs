namespace LogReg.Cli;

/// <summary>
/// A growing list of values kept in fixed blocks of 65,536 (the first one doubling up to that size), so that reading a
/// large file never copies more than one block (a doubling array copies everything and holds both copies at the peak).
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int Shift = 16;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _blocks[index >> Shift][index & Mask];
        set => _blocks[index >> Shift][index & Mask] = value;
    }

    public void Add(T value)
    {
        if (_blocks.Count > 0 && Count >> Shift == _blocks.Count - 1 && (Count & Mask) < _blocks[^1].Length)
        {
            _blocks[^1][Count & Mask] = value; // the common case: room in the last block
            Count++;
            return;
        }
        if (_blocks.Count == 0)
        {
            _blocks.Add(new T[16]);
        }
        else if (Count < 1 << Shift && Count == _blocks[0].Length)
        {
            var first = _blocks[0]; // the first block doubles up to full size: a short column (a wide file) stays small
            Array.Resize(ref first, Count * 2);
            _blocks[0] = first;
        }
        else if ((Count & Mask) == 0 && Count >> Shift == _blocks.Count)
        {
            _blocks.Add(new T[1 << Shift]);
        }
        _blocks[Count >> Shift][Count & Mask] = value;
        Count++;
    }
}
