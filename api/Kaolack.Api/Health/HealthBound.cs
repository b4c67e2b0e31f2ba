namespace Kaolack.Api.Health;

/// <summary>Runs a check's calls for a bounded time: the calls are cancelled at the bound, and answered for even when they ignore it.</summary>
public static class HealthBound
{
    /// <summary>What <paramref name="work"/> answers within <paramref name="bound"/>, or <paramref name="tooSlow"/>.</summary>
    public static async Task<T> Within<T>(TimeSpan bound, Func<CancellationToken, Task<T>> work, T tooSlow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(bound);
        try
        {
            return await work(deadline.Token).WaitAsync(bound, cancellationToken);
        }
        catch (TimeoutException)
        {
            return tooSlow;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return tooSlow;
        }
    }
}
