namespace LogReg.MLNet;

/// <summary>
/// Options of <see cref="LogRegMulticlassTrainer"/>, named as ML.NET's LbfgsMaximumEntropy options
/// (see <see cref="LogRegOptionsBase"/>). The label is a key column with K values.
/// </summary>
/// <remarks>
/// The objective minimised is F(W, b) = Σᵢ sᵢ·[logsumexp(W·xᵢ + b) − (W·xᵢ + b)_{yᵢ}] + (L2/2)·‖W‖² + L1·‖W‖₁
/// (biases not penalised). <c>ClassWeighting</c> takes <c>None</c> or <c>Balanced</c> (n / (K·n_k)).
/// </remarks>
public sealed class LogRegMulticlassOptions : LogRegOptionsBase
{
    /// <summary>Options that hold exactly <paramref name="core"/>'s values (refused when a float cannot hold one).</summary>
    public static LogRegMulticlassOptions FromTrainerOptions(Core.Training.TrainerOptions core)
    {
        CheckFloats(core);
        return new LogRegMulticlassOptions { _core = core, Seed = core.Seed };
    }
}
