using LogReg.Core.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LogReg.MLNet;

/// <summary>
/// Reads an <see cref="IDataView"/> once into a core <see cref="TrainingSet"/>: one float copy of
/// the features, dense when the first row is dense and CSR when it is sparse (so sparse text
/// features are never densified). Rows with a NaN feature or a NaN weight are skipped and counted,
/// as ML.NET's trainers do; an infinite or negative weight is an error.
/// </summary>
internal static class TrainingSetReader
{
    public sealed record Result(TrainingSet Data, long SkippedRows, IReadOnlyList<string>? FeatureNames);

    public static Result Read(IDataView data, string labelName, string featureName, string? weightName)
    {
        var schema = data.Schema;
        var labelColumn = SchemaChecks.Label(schema, labelName);
        var featureColumn = SchemaChecks.Features(schema, featureName);
        var weightColumn = SchemaChecks.Weight(schema, weightName);
        int d = ((VectorDataViewType)featureColumn.Type).Size;
        var names = SlotNames(featureColumn, d);

        var columns = new List<DataViewSchema.Column> { labelColumn, featureColumn };
        if (weightColumn is not null)
        {
            columns.Add(weightColumn.Value);
        }
        long capacityHint = data.GetRowCount() ?? 1024;
        var labels = new List<double>((int)Math.Min(capacityHint, int.MaxValue / 2));
        List<double>? weights = weightColumn is null ? null : new List<double>(labels.Capacity);
        Builder? builder = null;
        long skipped = 0;

        using (var cursor = data.GetRowCursor(columns))
        {
            var getLabel = cursor.GetGetter<bool>(labelColumn);
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var getWeight = weightColumn is null ? null : cursor.GetGetter<float>(weightColumn.Value);
            bool label = false;
            var features = default(VBuffer<float>);
            float weight = 1f;
            while (cursor.MoveNext())
            {
                getFeatures(ref features);
                if (getWeight is not null)
                {
                    getWeight(ref weight);
                    if (float.IsNaN(weight))
                    {
                        skipped++;
                        continue;
                    }
                    if (float.IsInfinity(weight) || weight < 0)
                    {
                        throw new ArgumentException(
                            $"Example weight column '{weightName}' holds {weight} in row {labels.Count + skipped}; expected a finite value ≥ 0.", "input");
                    }
                }
                if (HasNaN(features.GetValues()))
                {
                    skipped++;
                    continue;
                }
                getLabel(ref label);
                builder ??= features.IsDense ? new DenseBuilder(d, capacityHint) : new SparseBuilder(d, capacityHint);
                builder.Add(features);
                labels.Add(label ? 1.0 : 0.0);
                weights?.Add(weight);
            }
        }

        builder ??= new DenseBuilder(d, 0);
        var set = new TrainingSet(builder.Build(), labels.ToArray(), weights?.ToArray(), names);
        return new Result(set, skipped, names);
    }

    private static bool HasNaN(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (float.IsNaN(v))
            {
                return true;
            }
        }
        return false;
    }

    private static IReadOnlyList<string>? SlotNames(DataViewSchema.Column column, int d)
    {
        if (column.HasSlotNames())
        {
            var names = default(VBuffer<ReadOnlyMemory<char>>);
            column.GetSlotNames(ref names);
            var dense = names.DenseValues().Select(n => n.ToString()).ToArray();
            if (dense.Length == d && dense.All(n => n.Length > 0))
            {
                return dense;
            }
        }
        return null;
    }

    private abstract class Builder
    {
        public abstract void Add(in VBuffer<float> row);

        public abstract DesignMatrix Build();
    }

    private sealed class DenseBuilder : Builder
    {
        private readonly int _d;
        private float[] _values;
        private int _rows;

        public DenseBuilder(int d, long capacityRows)
        {
            _d = d;
            _values = new float[Math.Max(0, Math.Min(capacityRows * d, Array.MaxLength))];
        }

        public override void Add(in VBuffer<float> row)
        {
            long needed = (long)(_rows + 1) * _d;
            if (needed > _values.Length)
            {
                long grown = Math.Max(needed, Math.Min(2L * _values.Length + _d, Array.MaxLength));
                if (grown < needed)
                {
                    throw new InvalidOperationException("The training data do not fit in one array of floats.");
                }
                Array.Resize(ref _values, (int)grown);
            }
            var target = _values.AsSpan(_rows * _d, _d);
            if (row.IsDense)
            {
                row.GetValues().CopyTo(target);
            }
            else
            {
                target.Clear();
                var idx = row.GetIndices();
                var val = row.GetValues();
                for (int k = 0; k < idx.Length; k++)
                {
                    target[idx[k]] = val[k];
                }
            }
            _rows++;
        }

        public override DesignMatrix Build()
        {
            if (_values.Length != (long)_rows * _d)
            {
                Array.Resize(ref _values, _rows * _d);
            }
            return new DenseMatrix(_rows, _d, _values);
        }
    }

    private sealed class SparseBuilder : Builder
    {
        private readonly int _d;
        private readonly List<long> _rowStart;
        private int[] _indices;
        private float[] _values;
        private long _count;

        private readonly long _expectedRows;

        public SparseBuilder(int d, long capacityRows)
        {
            _d = d;
            _expectedRows = capacityRows;
            _rowStart = new List<long>((int)Math.Min(capacityRows + 1, int.MaxValue / 2)) { 0 };
            _indices = new int[Math.Max(1024, Math.Min(capacityRows * 4, 1 << 24))];
            _values = new float[_indices.Length];
        }

        public override void Add(in VBuffer<float> row)
        {
            var val = row.GetValues();
            var idx = row.GetIndices();
            Ensure(_count + val.Length);
            for (int k = 0; k < val.Length; k++)
            {
                float v = val[k];
                if (v == 0f)
                {
                    continue;
                }
                _indices[_count] = row.IsDense ? k : idx[k];
                _values[_count] = v;
                _count++;
            }
            _rowStart.Add(_count);
        }

        public override DesignMatrix Build()
        {
            // Spare capacity is kept rather than copied away (the estimate overshoots by about 5%).
            return new SparseMatrix(_rowStart.Count - 1, _d, _rowStart.ToArray(), _indices, _values);
        }

        private void Ensure(long needed)
        {
            if (needed <= _indices.Length)
            {
                return;
            }
            // Once some rows are in, size for the expected total (rows seen so far predict the
            // rest) instead of doubling, so a large sparse set is not copied over and over.
            int rowsSoFar = _rowStart.Count - 1;
            long estimate = rowsSoFar >= 64 && _expectedRows > rowsSoFar
                ? (long)(1.05 * _count / rowsSoFar * _expectedRows) + 1024
                : 2L * _indices.Length;
            long grown = Math.Min(Math.Max(needed, estimate), Array.MaxLength);
            if (grown < needed)
            {
                throw new InvalidOperationException("The training data hold more non-zero values than one array can.");
            }
            Array.Resize(ref _indices, (int)grown);
            Array.Resize(ref _values, (int)grown);
        }
    }
}
