using LogReg.Core.Data;

namespace LogReg.MLNet;

/// <summary>Collects feature rows read from an IDataView into one compact core matrix.</summary>
internal abstract class RowsBuilder
{
    public abstract void Add(in VBuffer<float> row);

    public abstract DesignMatrix Build();

    /// <summary>
    /// Offers the large arrays behind the built matrix to the trainer's <see cref="TrainingBufferPool"/>; call only when
    /// nothing reads that matrix any more.
    /// </summary>
    public abstract void ReturnArrays();
}
