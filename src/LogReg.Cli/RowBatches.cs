using System.Collections.Concurrent;

namespace LogReg.Cli;

/// <summary>
/// Reading in two stages on two threads: the reader (Sep's tokenizer) copies each row's cells into a batch, and one
/// consumer stores the batches' cells into the columns (parsing numbers, interning text) in file order — so the result
/// is the sequential reading's whatever the timing. A few batches circulate; the text of a batch is reused.
/// </summary>
internal sealed class RowBatches : IDisposable
{
    private const int RowsPerBatch = 2048;
    private readonly BlockingCollection<Batch> _full = new(boundedCapacity: 4);
    private readonly BlockingCollection<Batch> _free = new();
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _consumer;
    private Batch _current;

    public RowBatches(CsvColumn[] columns)
    {
        for (int i = 0; i < 6; i++)
        {
            _free.Add(new Batch(columns.Length));
        }
        _current = _free.Take();
        _consumer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var batch in _full.GetConsumingEnumerable())
                {
                    batch.StoreInto(columns);
                    _free.Add(batch);
                }
            }
            catch
            {
                _failed.Cancel(); // the reader may be waiting for room or a free batch: it must not wait forever
                throw;
            }
        }, TaskCreationOptions.LongRunning);
    }

    /// <summary>Copies one row's cells (one per column).</summary>
    public void Add(nietras.SeparatedValues.SepReader.Row row)
    {
        _current.Add(row);
        if (_current.Rows == RowsPerBatch)
        {
            Hand();
        }
    }

    /// <summary>Waits until every row handed in is stored (rethrowing what the consumer threw).</summary>
    public void Finish()
    {
        if (_current.Rows > 0)
        {
            Hand();
        }
        _full.CompleteAdding();
        _consumer.GetAwaiter().GetResult();
    }

    private void Hand()
    {
        try
        {
            _full.Add(_current, _failed.Token);
            _current = _free.Take(_failed.Token);
        }
        catch (OperationCanceledException)
        {
            _consumer.GetAwaiter().GetResult(); // rethrows what the consumer threw
            throw;
        }
    }

    public void Dispose()
    {
        _full.CompleteAdding();
        try
        {
            _consumer.Wait();
        }
        catch (AggregateException)
        {
            // Already surfaced by Finish, or the read failed first and its own error is the one to report.
        }
        _full.Dispose();
        _free.Dispose();
        _failed.Dispose();
    }

    private sealed class Batch(int width)
    {
        private char[] _text = new char[64 * 1024];
        private int _length;
        private readonly List<int> _ends = [];

        public int Rows => _ends.Count / width;

        public void Add(nietras.SeparatedValues.SepReader.Row row)
        {
            for (int j = 0; j < width; j++)
            {
                var cell = row[j].Span;
                if (_length + cell.Length > _text.Length)
                {
                    Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + cell.Length));
                }
                cell.CopyTo(_text.AsSpan(_length));
                _length += cell.Length;
                _ends.Add(_length);
            }
        }

        public void StoreInto(CsvColumn[] columns)
        {
            int start = 0, k = 0;
            for (int r = 0; r < Rows; r++)
            {
                for (int j = 0; j < width; j++, k++)
                {
                    columns[j].Add(_text.AsSpan(start, _ends[k] - start));
                    start = _ends[k];
                }
            }
            _length = 0;
            _ends.Clear();
        }
    }
}
