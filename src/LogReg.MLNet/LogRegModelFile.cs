using Microsoft.ML;

namespace LogReg.MLNet;

/// <summary>Loads a saved model with an error that names the file when it is missing or damaged.</summary>
public static class LogRegModelFile
{
    /// <summary><c>mlContext.Model.Load</c>, with clear errors.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable ML.NET model (truncated or corrupted).</exception>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }
        try
        {
            return mlContext.Model.Load(path, out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"Model file '{path}' is not a readable ML.NET model (truncated or corrupted): {e.GetType().Name}: {e.Message}", e);
        }
    }
}
