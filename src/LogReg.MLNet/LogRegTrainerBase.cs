namespace LogReg.MLNet;

/// <summary>
/// What both trainers are before they fit: a host registered as "LogReg" (its channel is <c>MLContext.Log</c>'s source),
/// a validated copy of the options, and the <see cref="TrainerInfo"/> ML.NET's tools read. The fit itself is the one
/// estimator core's.
/// </summary>
/// <typeparam name="TOptions"><see cref="LogRegOptions"/> or <see cref="LogRegMulticlassOptions"/>.</typeparam>
public abstract class LogRegTrainerBase<TOptions> where TOptions : LogRegOptionsBase
{
    private protected LogRegTrainerBase(IHostEnvironment env, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        Host = env.Register("LogReg");
        Settings = options.Clone<TOptions>();
        Settings.ValidateColumnNames();
        MLNetInterop.EnsureAvailable();
    }

    /// <summary>A copy of the options this trainer uses.</summary>
    public TOptions Options => Settings.Clone<TOptions>();

    /// <summary>What ML.NET's meta-trainers and tools read: no normalisation, calibration or caching needed; warm start supported.</summary>
    public TrainerInfo Info => MLNetInterop.TrainerInfo;

    private protected IHost Host { get; }

    private protected TOptions Settings { get; }
}
