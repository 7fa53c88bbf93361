using LogReg.Core.Data;
using Microsoft.ML.Data;

namespace LogReg.MLNet;

/// <summary>Collects feature rows read from an IDataView into one compact core matrix.</summary>
internal abstract class RowsBuilder
{
    public abstract void Add(in VBuffer<float> row);

    public abstract DesignMatrix Build();

    /// <summary>The array behind the built matrix that <see cref="FeatureBufferCache"/> may reuse once nothing reads it, if any.</summary>
    public virtual float[]? ReusableBuffer => null;
}
