using LogReg.Core.Losses;
using LogReg.Core.Optimization;

namespace LogReg.MLNet;

/// <summary>
/// Options of <see cref="LogRegTrainer"/>, named as ML.NET's LbfgsLogisticRegression options (see
/// <see cref="LogRegOptionsBase"/> for the shared ones).
/// </summary>
/// <remarks>
/// The objective minimised is
/// F(w, b) = Σᵢ sᵢ·ℓ(yᵢ, σ(w·xᵢ + b)) + (L2/2)·‖w‖² + L1·‖w‖₁ (bias not penalised; sᵢ the example weight).
/// </remarks>
public sealed class LogRegOptions : LogRegOptionsBase
{
    /// <summary>Creates options with every default.</summary>
    public LogRegOptions()
    {
    }

    /// <summary>Options that hold exactly <paramref name="core"/>'s values (refused when a float cannot hold one).</summary>
    public static LogRegOptions FromTrainerOptions(TrainerOptions core)
    {
        CheckFloats(core);
        return new LogRegOptions { _core = core, Seed = core.Seed };
    }

    /// <inheritdoc cref="TrainerOptions.Loss"/>
    public LossKind Loss { get => _core.Loss; set => _core = _core with { Loss = value }; }

    /// <summary>
    /// While the first large set (n·d ≥ 1,000,000) of a kind of fit is read in the process, compile that fit's optimizer
    /// and kernels on another thread by a three-iteration fit on 256 synthetic rows, so the real fit starts compiled.
    /// Once per kind of fit per process (a process-wide record of the kinds rehearsed), only when more than one thread is
    /// allowed; the rehearsal shares nothing with the fit and its failures are ignored. Default false: the cold-start
    /// benchmark finds no gain beyond its spread (README, changelog), not worth process-wide state by default. The model
    /// does not depend on it.
    /// </summary>
    public bool RehearseColdStart { get; set; }

    /// <inheritdoc cref="TrainerOptions.FirthBiasReduction"/>
    public bool FirthBiasReduction { get => _core.FirthBiasReduction; set => _core = _core with { FirthBiasReduction = value }; }

    /// <inheritdoc cref="OptimizerSettings.LearningRate"/>
    public float? LearningRate
    {
        get => (float?)_core.LearningRate;
        set => _core = _core with { LearningRate = value is float f ? FloatOption.ToDouble(f) : null };
    }

    /// <inheritdoc cref="OptimizerSettings.BatchSize"/>
    public int BatchSize { get => _core.BatchSize; set => _core = _core with { BatchSize = value }; }
}
