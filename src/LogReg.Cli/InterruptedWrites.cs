using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace LogReg.Cli;

/// <summary>
/// The temporary files <see cref="JsonOutput.WriteWith"/> is writing, deleted when the process is interrupted (Ctrl-C,
/// SIGTERM) before the runtime ends it: the default ending runs no finally block, and an outside tester's Ctrl-C during a
/// model save left a hidden 0-byte '.m.zip.…tmp' beside the model in 3 of 7 tries. Process-wide because a signal is: the
/// set holds only the files in flight, and only the tool's entry point installs the handlers (not the tests' in-process runs).
/// </summary>
internal static class InterruptedWrites
{
    private static readonly ConcurrentDictionary<string, byte> InFlight = new(StringComparer.Ordinal);

    /// <summary>A temporary file is being written.</summary>
    public static void Begin(string path) => InFlight.TryAdd(path, 0);

    /// <summary>It has been moved into place or deleted.</summary>
    public static void End(string path) => InFlight.TryRemove(path, out _);

    /// <summary>Deletes the files in flight on SIGINT and SIGTERM, then lets the signal end the process as it would have.</summary>
    public static IDisposable Install() => new Handlers(
        PosixSignalRegistration.Create(PosixSignal.SIGINT, DeleteInFlight),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, DeleteInFlight));

    private static void DeleteInFlight(PosixSignalContext context)
    {
        foreach (var path in InFlight.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // The process is ending; a file that cannot be deleted now is left as before.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private sealed class Handlers(params PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
