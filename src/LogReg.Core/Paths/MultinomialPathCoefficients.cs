using System.Collections;

namespace LogReg.Core.Paths;

/// <summary>
/// The multinomial path's coefficients ([λ][class][feature]), kept by their non-zero entries (<see cref="PathCoefficients"/>):
/// <c>this[m]</c> builds the K dense vectors of point m afresh; <see cref="NonZeroAt"/> reads one class's entries.
/// </summary>
public sealed class MultinomialPathCoefficients : IReadOnlyList<double[][]>
{
    /// <summary>Keeps the non-zero entries of each point's K vectors of <paramref name="length"/> values.</summary>
    /// <exception cref="ArgumentException">Points with different numbers of classes, or a vector of another length.</exception>
    public MultinomialPathCoefficients(int classes, int length, IEnumerable<double[][]> points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Any(p => p.Length != classes))
        {
            throw new ArgumentException($"A point has another number of classes than {classes}.", nameof(points));
        }
        (Classes, ByClass) = (classes, new PathCoefficients(length, list.SelectMany(p => p)));
    }

    /// <summary>Takes <paramref name="byClass"/> as given: point m's class k is its vector m·K + k.</summary>
    internal MultinomialPathCoefficients(int classes, PathCoefficients byClass) => (Classes, ByClass) = (classes, byClass);

    /// <summary>The number of classes (K).</summary>
    public int Classes { get; }

    /// <summary>The number of features.</summary>
    public int Length => ByClass.Length;

    /// <summary>The number of points.</summary>
    public int Count => ByClass.Count / Classes;

    /// <summary>Every point's vectors in one list, point m's class k at m·K + k.</summary>
    internal PathCoefficients ByClass { get; }

    /// <summary>Point <paramref name="index"/>'s K coefficient vectors counted from either end (<c>[^1]</c> is the path's last
    /// point). Without it C# would count <c>^1</c> from <see cref="Length"/>, the number of features, not from <see cref="Count"/>.</summary>
    public double[][] this[Index index] => this[index.GetOffset(Count)];

    /// <summary>Point <paramref name="index"/>'s K coefficient vectors, as new dense arrays.</summary>
    /// <exception cref="InvalidOperationException">Its coefficients were not kept.</exception>
    public double[][] this[int index] => Enumerable.Range(0, Classes).Select(k => ByClass[Kept(index) + k]).ToArray();

    /// <summary>Class <paramref name="k"/>'s non-zero entries at point <paramref name="index"/>: their features (increasing) and values.</summary>
    /// <exception cref="InvalidOperationException">Its coefficients were not kept.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a class (it would read a neighbouring point's vector).</exception>
    public (IReadOnlyList<int> Features, IReadOnlyList<double> Values) NonZeroAt(int index, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Classes);
        return ByClass.NonZeroAt(Kept(index) + k);
    }

    /// <summary>Whether point <paramref name="index"/>'s coefficients were kept (see <see cref="PathCoefficients.IsKept"/>).</summary>
    public bool IsKept(int index) => ByClass.IsKept(index * Classes);

    /// <summary>The same points with only point <paramref name="index"/>'s coefficients kept.</summary>
    internal MultinomialPathCoefficients KeepingOnly(int index) => new(Classes, ByClass.KeepingOnly(index * Classes, Classes));

    /// <inheritdoc/>
    public IEnumerator<double[][]> GetEnumerator()
    {
        for (int m = 0; m < Count; m++)
        {
            yield return this[m];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Point index's first vector in ByClass, once it is known to be a point and kept.
    private int Kept(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return IsKept(index) ? index * Classes : throw PathCoefficients.NotKept(index);
    }
}
