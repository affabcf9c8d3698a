namespace Boilerplate.Tests.Support;

/// <summary>
/// Runs calls so they really overlap. An in-process request over SQLite can complete
/// synchronously on the caller's thread, so plain Task.WhenAll would run them one after another;
/// here each starts on the thread pool, and all are released at once.
/// </summary>
public static class Concurrently
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> call)
    {
        // Enough threads at once for every call, rather than the pool's slow growth from one per core.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, count + 4), io);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await call(i);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(calls);
    }
}
