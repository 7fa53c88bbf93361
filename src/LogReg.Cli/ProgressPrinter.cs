using System.Diagnostics;
using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.Cli;

/// <summary>
/// A one-line progress display for long training: at most every 200 ms (and only after the first
/// second, so quick fits print nothing) it rewrites "iteration N  objective F  |grad| G  t s" on the
/// writer with a carriage return; <see cref="Finish"/> ends the line.
/// </summary>
internal sealed class ProgressPrinter : IProgress<IterationRecord>
{
    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _delay;
    private TimeSpan _last = TimeSpan.FromDays(-1);
    private bool _printed;

    public ProgressPrinter(TextWriter writer, TimeSpan? delay = null)
    {
        _writer = writer;
        _delay = delay ?? TimeSpan.FromSeconds(1);
    }

    public void Report(IterationRecord value)
    {
        var now = _clock.Elapsed;
        if (now < _delay || now - _last < TimeSpan.FromMilliseconds(200))
        {
            return;
        }
        _last = now;
        _printed = true;
        _writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"\riteration {value.Iteration,6}  objective {value.Objective,-22:G12}  |grad| {value.GradientNorm,-10:G3}  {value.Elapsed.TotalSeconds,6:F1} s"));
        _writer.Flush();
    }

    public void Finish()
    {
        if (_printed)
        {
            _writer.WriteLine();
        }
    }
}
