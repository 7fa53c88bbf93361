using System.Globalization;

namespace LogReg.Core.Data;

/// <summary>
/// What the softmax objective needs: the design matrix X, a class index yᵢ ∈ {0, …, K − 1} per row,
/// optional example weights sᵢ ≥ 0, and the names of the features and of the K classes.
/// </summary>
public sealed class MulticlassTrainingSet
{
    /// <summary>Checks the shapes and values (every feature finite, labels in range, weights finite and ≥ 0) and wraps them.</summary>
    /// <param name="features">n rows × d columns.</param>
    /// <param name="labels">One class index per row, 0 ≤ yᵢ &lt; <paramref name="classCount"/>.</param>
    /// <param name="classCount">K ≥ 2 (a class may have no rows: its probability is then driven towards 0).</param>
    /// <param name="exampleWeights">Optional sᵢ, one per row.</param>
    /// <param name="featureNames">Optional, one per column.</param>
    /// <param name="classNames">Optional, one per class (default "0", "1", …).</param>
    public MulticlassTrainingSet(DesignMatrix features, int[] labels, int classCount, double[]? exampleWeights = null,
        IReadOnlyList<string>? featureNames = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"There are {classCount} classes; expected at least 2.");
        }
        if (labels.Length != features.RowCount)
        {
            throw new ArgumentException($"There are {features.RowCount} rows but {labels.Length} labels.", nameof(labels));
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label of row {i} is {labels[i]}; expected a class index from 0 to {classCount - 1}.", nameof(labels));
            }
        }
        if (classNames is not null && classNames.Count != classCount)
        {
            throw new ArgumentException($"There are {classCount} classes but {classNames.Count} class names.", nameof(classNames));
        }
        // The binary set's checks of weights, names and finite features apply unchanged.
        var binaryView = new TrainingSet(features, new double[labels.Length], exampleWeights, featureNames);
        Features = binaryView.Features;
        ExampleWeights = binaryView.ExampleWeights;
        FeatureNames = binaryView.FeatureNames;
        Labels = labels;
        ClassCount = classCount;
        ClassNames = classNames ?? Enumerable.Range(0, classCount).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The design matrix X (n × d).</summary>
    public DesignMatrix Features { get; }

    /// <summary>The class index of each row.</summary>
    public int[] Labels { get; }

    /// <summary>K.</summary>
    public int ClassCount { get; }

    /// <summary>Example weights sᵢ, or null for all 1.</summary>
    public double[]? ExampleWeights { get; }

    /// <summary>Feature names, or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Class names, one per class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>n.</summary>
    public int RowCount => Features.RowCount;

    /// <summary>d.</summary>
    public int FeatureCount => Features.ColumnCount;

    /// <summary>Σ sᵢ over the rows of each class.</summary>
    public double[] ClassWeights()
    {
        var totals = new double[ClassCount];
        for (int i = 0; i < Labels.Length; i++)
        {
            totals[Labels[i]] += ExampleWeights?[i] ?? 1.0;
        }
        return totals;
    }

    /// <summary>A new set of the listed rows, in the listed order (labels, weights, feature and class names follow).</summary>
    public MulticlassTrainingSet SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new MulticlassTrainingSet(Features.SelectRows(rows), rows.Select(i => Labels[i]).ToArray(), ClassCount,
            ExampleWeights is null ? null : rows.Select(i => ExampleWeights[i]).ToArray(), FeatureNames, ClassNames);
    }

    /// <summary>The same rows with example weights sᵢ·factor[yᵢ] (class weighting).</summary>
    public MulticlassTrainingSet WithClassFactors(IReadOnlyList<double> factor)
    {
        var weights = new double[RowCount];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (ExampleWeights?[i] ?? 1.0) * factor[Labels[i]];
        }
        return new MulticlassTrainingSet(Features, Labels, ClassCount, weights, FeatureNames, ClassNames);
    }
}
