namespace LogReg.Core.Training;

/// <summary>The model a fit produces.</summary>
public enum ModelFamily
{
    /// <summary>The binary model: σ(w·x + b), fitted by BCE or MSE on the sigmoid.</summary>
    Sigmoid,

    /// <summary>The multinomial model: softmax(W·x + b) over K classes, fitted by cross-entropy.</summary>
    Softmax,
}
