namespace LogReg.Core.Statistics;

/// <summary>A prediction with its uncertainty (see <see cref="ModelStatistics.Predict"/>).</summary>
/// <param name="LinearPredictor">η = b + w·x.</param>
/// <param name="StandardError">The standard error of η.</param>
/// <param name="Probability">σ(η).</param>
/// <param name="Low">σ(η − 1.96·se).</param>
/// <param name="High">σ(η + 1.96·se).</param>
public sealed record PredictionInterval(double LinearPredictor, double StandardError, double Probability, double Low, double High);
