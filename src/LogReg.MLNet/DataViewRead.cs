using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>What <see cref="TrainingSetReader.Read(Microsoft.ML.IDataView, string, string, string?, CancellationToken)"/> returns.</summary>
/// <param name="Data">The usable rows (feature names from the slot names, when the column has them).</param>
/// <param name="SkippedRows">Rows skipped because a feature or the weight was NaN.</param>
public sealed record DataViewRead(TrainingSet Data, long SkippedRows)
{
    /// <summary>Gives the copy's large arrays to the trainer's <see cref="TrainingBufferPool"/>: for the trainer, once its fit is done.</summary>
    internal Action? ReturnArrays { get; init; }
}
