namespace LogReg.Core.Training;

/// <summary>How <see cref="ClassWeighting"/> chooses the class weights.</summary>
public enum ClassWeightingMode
{
    /// <summary>Every class weighs 1.</summary>
    None,

    /// <summary>n / (2·n_c), as scikit-learn's class_weight="balanced".</summary>
    Balanced,

    /// <summary>The weights given.</summary>
    Explicit,
}
