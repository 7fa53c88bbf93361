using System.Diagnostics;

namespace LogReg.Distributed;

/// <summary>
/// How a failed shard call is retried: again and again, waiting <see cref="Delay"/>·attempt (at most
/// <see cref="MaximumDelay"/>) between attempts, until <see cref="Budget"/> has passed since the first failure — long
/// enough for the cluster to declare a dead silo dead (see <see cref="FailureDetection"/>) and for its shards to re-activate
/// elsewhere, so whether a fit survives a killed worker does not depend on when it died. Data errors
/// (<see cref="ShardDataException"/>), a shard no live worker holds (<see cref="ShardUnavailableException"/>) and argument
/// errors are never retried.
/// </summary>
/// <param name="budget">How long a call keeps being retried after its first failure.</param>
/// <param name="delay">The wait after the first failure (then twice that, …, at most <see cref="MaximumDelay"/>).</param>
public sealed class RetryPolicy(TimeSpan budget, TimeSpan delay)
{
    private int _retries;

    /// <summary>How long a call keeps being retried after its first failure.</summary>
    public TimeSpan Budget { get; } = budget;

    /// <summary>The wait after the first failure.</summary>
    public TimeSpan Delay { get; } = delay;

    /// <summary>The longest wait between two attempts.</summary>
    public static TimeSpan MaximumDelay { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Calls retried so far through this policy (what a fit that survived a failure shows).</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>
    /// A new policy of 45 s, waits from 0.25 s: three times <see cref="FailureDetection.WorstCase"/>, so a silo killed at any
    /// moment is declared dead and its shards answer from another silo within the budget.
    /// </summary>
    public static RetryPolicy Default => new(TimeSpan.FromSeconds(45), TimeSpan.FromMilliseconds(250));

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt: <see cref="Delay"/>·attempt, at most <see cref="MaximumDelay"/>.</summary>
    internal TimeSpan WaitAfter(int attempt) => TimeSpan.FromTicks(Math.Min(Delay.Ticks * attempt, MaximumDelay.Ticks));

    /// <summary>Runs <paramref name="call"/>, retrying as described.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(call);
        Stopwatch? failing = null;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ShardUnavailableException e)
            {
                throw new ShardDataException($"Shard {shard}: {e.Message}", e);
            }
            catch (Exception e) when (e is not ShardDataException and not ArgumentException)
            {
                failing ??= Stopwatch.StartNew();
                if (failing.Elapsed >= Budget)
                {
                    throw new InvalidOperationException(
                        $"Shard {shard} did not answer for {Budget.TotalSeconds:F0} s after its first failure ({attempt} attempts): {e.GetBaseException().Message}", e);
                }
                Interlocked.Increment(ref _retries);
                await Task.Delay(WaitAfter(attempt)).ConfigureAwait(false);
            }
        }
    }
}
