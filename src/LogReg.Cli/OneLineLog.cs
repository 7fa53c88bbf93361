using Microsoft.Extensions.Logging;

namespace LogReg.Cli;

/// <summary>
/// How worker and cluster-client processes log what Orleans reports: one line per event on stderr — "warning|error
/// CATEGORY: message (cause)", the exception's innermost message and never its stack trace — so an operator reads the
/// cause and the tool's own lines on stdout stay clean. Until <see cref="Open"/> (the host has started) events are held:
/// a start that fails is reported in one line by the command, not by the events that led to it.
/// </summary>
internal sealed class OneLineLog(TextWriter writer)
{
    private List<string>? _held = [];

    /// <summary>The provider that logs through this (the host disposes it; it owns nothing).</summary>
    public ILoggerProvider Provider() => new LoggerProvider(this);

    /// <summary>The host has started: write what was held, and every event from now on.</summary>
    public void Open()
    {
        lock (writer)
        {
            foreach (var line in _held ?? [])
            {
                writer.WriteLine(line);
            }
            _held = null;
        }
    }

    private sealed class LoggerProvider(OneLineLog owner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(owner, categoryName);

        public void Dispose()
        {
        }
    }

    private void Write(string line)
    {
        lock (writer)
        {
            if (_held is not null)
            {
                _held.Add(line);
            }
            else
            {
                writer.WriteLine(line);
            }
        }
    }

    private sealed class Logger(OneLineLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            string message = formatter(state, exception).Split('\n')[0].Trim();
            string cause = exception is null ? "" : $" ({exception.GetBaseException().Message.Split('\n')[0].Trim()})";
            string level = logLevel >= LogLevel.Error ? "error" : "warning";
            owner.Write($"{level} {category}: {message}{cause}");
        }
    }
}
