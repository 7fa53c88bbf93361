namespace LogReg.Core.Paths;

/// <summary>Lists kept by λ index, where a point solved again (the early stop's close re-solve) replaces its first solve.</summary>
internal static class PointLists
{
    /// <summary>Stores <paramref name="value"/> as point <paramref name="index"/>: a new last point, or the replacement of one held.</summary>
    public static void Put<T>(this List<T> points, int index, T value)
    {
        if (index < points.Count)
        {
            points[index] = value;
        }
        else
        {
            points.Add(value);
        }
    }
}
