namespace LogReg.Distributed;

/// <summary>
/// How a failed shard call is retried: up to <see cref="Attempts"/> attempts, waiting
/// <see cref="Delay"/>·attempt between them (time for the cluster to notice a dead silo and for the
/// shard to re-activate elsewhere). Data errors (<see cref="ShardDataException"/>) and argument errors
/// are never retried.
/// </summary>
public sealed class RetryPolicy(int attempts, TimeSpan delay)
{
    private int _retries;

    /// <summary>Most attempts per call.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>The wait after the first failure (then twice that, …).</summary>
    public TimeSpan Delay { get; } = delay;

    /// <summary>Calls retried so far through this policy (what a fit that survived a failure shows).</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>6 attempts, 0.5 s, 1 s, … apart.</summary>
    public static RetryPolicy Default { get; } = new(6, TimeSpan.FromMilliseconds(500));

    /// <summary>Runs <paramref name="call"/>, retrying as described.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ShardDataException and not ArgumentException && attempt < Attempts)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(Delay * attempt).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ShardDataException and not ArgumentException)
            {
                throw new InvalidOperationException($"Shard {shard} did not answer after {Attempts} attempts: {e.Message}", e);
            }
        }
    }
}
