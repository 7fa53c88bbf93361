using System.Globalization;
using LogReg.Core.Optimization;

namespace LogReg.MLNet;

/// <summary>How both trainers report to <c>MLContext.Log</c>: the core's log events by severity, and each iteration.</summary>
internal static class TrainingChannel
{
    // The core's log events in MLContext.Log, with the remedies worded in this trainer's option names.
    public static void Log(IChannel channel, LogEvent logEvent)
    {
        if (logEvent.Severity == LogSeverity.Warning)
        {
            string remedies = logEvent.Remedies == Remedy.None ? "" : " Remedies: " + RemedyWording.Describe(logEvent.Remedies) + ".";
            channel.Warning(MessageSensitivity.None, logEvent.Message + remedies);
        }
        else
        {
            channel.Info(MessageSensitivity.None, logEvent.Message);
        }
    }

    // Sends each iteration to MLContext.Log (Trace level) and to the user's IProgress, if any.
    public sealed class Progress : IProgress<IterationRecord>
    {
        private readonly IChannel _channel;
        private readonly IProgress<IterationRecord>? _user;

        public Progress(IChannel channel, IProgress<IterationRecord>? user)
        {
            _channel = channel;
            _user = user;
        }

        public void Report(IterationRecord value)
        {
            _channel.Trace(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
                $"iteration {value.Iteration}: objective {value.Objective:R}, |grad| {value.GradientNorm:G4}, step {value.StepSize:G4}, {value.Elapsed.TotalMilliseconds:F1} ms"));
            _user?.Report(value);
        }
    }
}
