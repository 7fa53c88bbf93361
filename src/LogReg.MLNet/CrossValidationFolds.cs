using System.Globalization;
using LogReg.Core.Paths;

namespace LogReg.MLNet;

/// <summary>The folds a <see cref="LogRegCVOptions"/> asks for from a column of the data, for both LogRegCV trainers.</summary>
internal static class CrossValidationFolds
{
    /// <summary>
    /// The fold of each row when <paramref name="o"/> names a fold column (each distinct value a fold, numbers in numeric
    /// order; the values as the folds' names) or a sampling key (groups dealt to folds; no names); null when it names
    /// neither (stratified folds).
    /// </summary>
    public static (int[] Ids, string[]? Names)? Read(IDataView input, LogRegCVOptions o, long skippedRows, int seed)
    {
        if (o.FoldColumnName is null && o.SamplingKeyColumnName is null)
        {
            return null;
        }
        if (o.FoldColumnName is not null && o.SamplingKeyColumnName is not null)
        {
            throw new ArgumentException("Name a FoldColumnName or a SamplingKeyColumnName, not both.", nameof(input));
        }
        // Named before the skipped rows are blamed for putting a column out of step that is not there.
        GroupColumnReader.Find(input, o.FoldColumnName ?? o.SamplingKeyColumnName!, o.FoldColumnName is null ? "sampling key" : "fold");
        if (skippedRows > 0)
        {
            throw new ArgumentException(
                $"{skippedRows} row(s) have a missing feature or weight and would be skipped, leaving the fold column out of step; " +
                "remove them first (e.g. mlContext.Data.FilterRowsByMissingValues).", nameof(input));
        }
        if (o.SamplingKeyColumnName is { } key)
        {
            var keys = GroupColumnReader.Read(input, key, "sampling key");
            if (keys.Distinct().Count() is var groups && groups < o.NumberOfFolds)
            {
                throw new ArgumentException(
                    $"The sampling key column '{key}' holds {groups} distinct value(s), fewer than NumberOfFolds = {o.NumberOfFolds}: each fold needs a group.",
                    nameof(input));
            }
            return (FoldAssignment.ByGroup(keys, o.NumberOfFolds, seed), null);
        }
        var values = GroupColumnReader.Read(input, o.FoldColumnName!, "fold");
        var distinct = values.Distinct().ToArray();
        var ordered = distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : distinct.OrderBy(v => v, StringComparer.Ordinal).ToArray();
        if (ordered.Length < 3)
        {
            throw new ArgumentException($"The fold column '{o.FoldColumnName}' holds {ordered.Length} distinct value(s); cross-validation needs at least 3 folds.",
                nameof(input));
        }
        var index = ordered.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => p.k);
        return (values.Select(v => index[v]).ToArray(), ordered);
    }
}
