namespace LogReg.Core.Data;

/// <summary>
/// What the objective needs: the design matrix X, labels yᵢ ∈ {0, 1} and example weights sᵢ ≥ 0
/// (all 1 when absent). Immutable once built; the arrays are not copied.
/// </summary>
public sealed class TrainingSet
{
    /// <summary>Checks the shapes and values (every feature finite, labels 0/1, weights finite and ≥ 0) and wraps them.</summary>
    /// <param name="features">The feature matrix.</param>
    /// <param name="labels">One label per row, 0 or 1.</param>
    /// <param name="exampleWeights">One finite, non-negative weight per row, or null for unit weights.</param>
    /// <param name="featureNames">Optional names, one per column (for reports).</param>
    public TrainingSet(DesignMatrix features, double[] labels, double[]? exampleWeights = null, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.RowCount)
        {
            throw new ArgumentException($"There are {features.RowCount} rows but {labels.Length} labels.", nameof(labels));
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0.0 && labels[i] != 1.0)
            {
                throw new ArgumentException($"Label of row {i} is {labels[i]}; expected 0 or 1.", nameof(labels));
            }
        }
        if (exampleWeights is not null)
        {
            if (exampleWeights.Length != features.RowCount)
            {
                throw new ArgumentException($"There are {features.RowCount} rows but {exampleWeights.Length} example weights.", nameof(exampleWeights));
            }
            for (int i = 0; i < exampleWeights.Length; i++)
            {
                double s = exampleWeights[i];
                if (!double.IsFinite(s) || s < 0)
                {
                    throw new ArgumentException($"Example weight of row {i} is {s}; expected a finite value ≥ 0.", nameof(exampleWeights));
                }
            }
        }
        if (featureNames is not null && featureNames.Count != features.ColumnCount)
        {
            throw new ArgumentException($"There are {features.ColumnCount} columns but {featureNames.Count} feature names.", nameof(featureNames));
        }
        if (features.FirstNonFinite() is var (row, column, value))
        {
            string name = featureNames is null ? $"feature {column}" : $"feature '{featureNames[column]}' (column {column})";
            throw new ArgumentException(
                $"{name} of row {row} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a finite number.", nameof(features));
        }
        Features = features;
        Labels = labels;
        ExampleWeights = exampleWeights;
        FeatureNames = featureNames;
    }

    /// <summary>The feature matrix X.</summary>
    public DesignMatrix Features { get; }

    /// <summary>yᵢ ∈ {0, 1}.</summary>
    public double[] Labels { get; }

    /// <summary>sᵢ, or null when every example weighs 1.</summary>
    public double[]? ExampleWeights { get; }

    /// <summary>Optional feature names.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>Number of features d.</summary>
    public int FeatureCount => Features.ColumnCount;

    /// <summary>The weight of row i (1 when there are no weights).</summary>
    public double WeightOf(int row) => ExampleWeights is null ? 1.0 : ExampleWeights[row];

    /// <summary>Σ sᵢ over rows with label 1 and over rows with label 0.</summary>
    public (double Positive, double Negative) ClassWeights()
    {
        double pos = 0, neg = 0;
        for (int i = 0; i < Labels.Length; i++)
        {
            double s = WeightOf(i);
            if (Labels[i] == 1.0) { pos += s; } else { neg += s; }
        }
        return (pos, neg);
    }

    /// <summary>A new training set of the listed rows, in the listed order (labels, weights and names follow).</summary>
    public TrainingSet SelectRows(IReadOnlyList<int> rows) => SelectRows(rows, null);

    /// <summary>As <see cref="SelectRows(IReadOnlyList{int})"/>; dense features are copied into <paramref name="denseValues"/>
    /// when given (see <see cref="DenseMatrix.SelectRows(IReadOnlyList{int}, float[])"/>).</summary>
    internal TrainingSet SelectRows(IReadOnlyList<int> rows, float[]? denseValues)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new TrainingSet(
            denseValues is not null && Features is DenseMatrix dense ? dense.SelectRows(rows, denseValues) : Features.SelectRows(rows),
            rows.Select(i => Labels[i]).ToArray(),
            ExampleWeights is null ? null : rows.Select(i => ExampleWeights[i]).ToArray(),
            FeatureNames);
    }

    /// <summary>
    /// A new training set with only the listed feature columns, in the listed order (rows, labels and
    /// weights unchanged); stored densely (meant for the statistics' reduced designs).
    /// </summary>
    public TrainingSet SelectFeatures(IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int d = columns.Count;
        var values = new float[(long)RowCount * d];
        var row = new double[FeatureCount];
        for (int i = 0; i < RowCount; i++)
        {
            Features.CopyRow(i, row);
            for (int j = 0; j < d; j++)
            {
                values[(long)i * d + j] = (float)row[columns[j]];
            }
        }
        return new TrainingSet(new DenseMatrix(RowCount, d, values), Labels, ExampleWeights,
            FeatureNames is null ? null : columns.Select(j => FeatureNames[j]).ToArray());
    }
}
