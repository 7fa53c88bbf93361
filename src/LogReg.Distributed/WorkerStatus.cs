namespace LogReg.Distributed;

/// <summary>A worker in a status report: its description, or why it gave none.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Info">Its description, if it answered.</param>
/// <param name="Failure">Why it did not (a build without the handshake, or a worker leaving the cluster).</param>
public sealed record WorkerStatus(string Silo, WorkerInfo? Info, string? Failure);
