
namespace Boilerplate.Bench.Runner;

/// <summary>The largest resident set a process reaches while a load runs, sampled every 100 ms.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public double MaxMb { get; private set; }

    public RssSampler(HostProcess host)
    {
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                MaxMb = Math.Max(MaxMb, host.RssMb());
                try { await Task.Delay(100, stop.Token); }
                catch (OperationCanceledException) { break; }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
