namespace LogReg.Core.Paths;

/// <summary>
/// A λ of the multinomial path whose solve ran out of steps or rounds; the path ends before it
/// (<see cref="IRegularizationPath.UnsettledLambda"/>), as the binary path does when its Newton steps run out.
/// </summary>
internal sealed class UnsettledLambdaException(string message) : Exception(message);
