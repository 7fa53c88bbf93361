using System.Collections;

namespace LogReg.Core.Paths;

/// <summary>
/// A path's coefficient vectors, kept by their non-zero entries (as glmnet keeps its path): on text a lasso point holds a
/// few hundred of 10⁵–10⁶ features, and 100 points × 20 classes of dense vectors filled the memory. Read as dense
/// vectors: each <c>this[i]</c> builds a fresh array of <see cref="Length"/> values, so loops over a point's
/// coefficients should take it once, or read <see cref="NonZeroAt"/>. A path may keep only some points' coefficients
/// (<see cref="IsKept"/>): reading another point's throws.
/// </summary>
public sealed class PathCoefficients : IReadOnlyList<double[]>
{
    // Null at a point whose coefficients were not kept.
    private readonly int[]?[] _features;
    private readonly double[]?[] _values;

    /// <summary>Keeps the non-zero entries of <paramref name="vectors"/>, which all have <paramref name="length"/> values.</summary>
    /// <exception cref="ArgumentException">A vector of another length.</exception>
    public PathCoefficients(int length, IEnumerable<double[]> vectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(vectors);
        var features = new List<int[]>();
        var values = new List<double[]>();
        foreach (var vector in vectors)
        {
            if (vector.Length != length)
            {
                throw new ArgumentException($"A coefficient vector has {vector.Length} values where the path has {length} features.", nameof(vectors));
            }
            var at = Enumerable.Range(0, length).Where(j => vector[j] != 0).ToArray();
            features.Add(at);
            values.Add(at.Select(j => vector[j]).ToArray());
        }
        (Length, _features, _values) = (length, features.ToArray(), values.ToArray());
    }

    /// <summary>Takes the entries as given: per vector, increasing feature indices and their non-zero values (both null
    /// where the vector was not kept).</summary>
    internal PathCoefficients(int length, int[]?[] features, double[]?[] values) => (Length, _features, _values) = (length, features, values);

    /// <summary>The number of features (each vector's length).</summary>
    public int Length { get; }

    /// <summary>The number of vectors.</summary>
    public int Count => _features.Length;

    /// <summary>Vector <paramref name="index"/> counted from either end (<c>[^1]</c> is the path's last point) as a new dense
    /// array. Without it C# would count <c>^1</c> from <see cref="Length"/>, the number of features, not from <see cref="Count"/>.</summary>
    public double[] this[Index index] => this[index.GetOffset(Count)];

    /// <summary>Vector <paramref name="index"/> as a new dense array.</summary>
    /// <exception cref="InvalidOperationException">Its coefficients were not kept.</exception>
    public double[] this[int index]
    {
        get
        {
            var dense = new double[Length];
            var (features, values) = Kept(index);
            for (int e = 0; e < features.Length; e++)
            {
                dense[features[e]] = values[e];
            }
            return dense;
        }
    }

    /// <summary>Vector <paramref name="index"/>'s non-zero entries: their features (increasing) and values.</summary>
    /// <exception cref="InvalidOperationException">Its coefficients were not kept.</exception>
    public (IReadOnlyList<int> Features, IReadOnlyList<double> Values) NonZeroAt(int index) => Kept(index);

    /// <summary>Whether vector <paramref name="index"/>'s coefficients were kept (<see cref="KeepingOnly"/>).</summary>
    public bool IsKept(int index) => _features[index] is not null;

    /// <summary>The same vectors with only those from <paramref name="first"/> to <paramref name="first"/> +
    /// <paramref name="count"/> − 1 kept (the arrays shared, not copied).</summary>
    internal PathCoefficients KeepingOnly(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, Count);
        var (features, values) = (new int[]?[Count], new double[]?[Count]);
        Array.Copy(_features, first, features, first, count);
        Array.Copy(_values, first, values, first, count);
        return new PathCoefficients(Length, features, values);
    }

    /// <summary>Vector <paramref name="index"/>'s entries as stored, null where not kept (for saving).</summary>
    internal (int[]? Features, double[]? Values) Stored(int index) => (_features[index], _values[index]);

    /// <summary>Adds <paramref name="factor"/> × vector <paramref name="index"/> to <paramref name="dense"/>.</summary>
    internal void AddTo(int index, double factor, double[] dense)
    {
        var (features, values) = Kept(index);
        for (int e = 0; e < features.Length; e++)
        {
            dense[features[e]] += factor * values[e];
        }
    }

    /// <summary>Sets vector <paramref name="index"/>'s entries of <paramref name="dense"/> back to zero.</summary>
    internal void ClearIn(int index, double[] dense)
    {
        foreach (int j in Kept(index).Features)
        {
            dense[j] = 0;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<double[]> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private (int[] Features, double[] Values) Kept(int index) => _features[index] is { } features
        ? (features, _values[index]!)
        : throw NotKept(index);

    /// <summary>The error for reading point <paramref name="point"/>'s coefficients where they were not kept.</summary>
    internal static InvalidOperationException NotKept(int point) => new(
        $"Point {point} of the path has no coefficients: only the chosen point's were kept (KeepPathCoefficients = false).");
}
