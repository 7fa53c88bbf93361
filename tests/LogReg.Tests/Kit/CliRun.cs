using LogReg.Cli;

namespace LogReg.Tests.Kit;

/// <summary>Runs the command line in-process and a temporary folder that is removed afterwards.</summary>
public abstract class CliRun : IDisposable
{
    /// <summary>A fresh folder for this test class's files.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("logreg-cli-tests-").FullName;

    /// <summary>The bundled Spector CSV.</summary>
    protected static string Spector => Path.Combine(AppContext.BaseDirectory, "Reference", "spector.csv");

    /// <summary>Writes <paramref name="text"/> to the file <paramref name="name"/> in <see cref="Folder"/> and returns its path.</summary>
    protected string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Exit code, standard output and standard error of one command.</summary>
    protected static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
