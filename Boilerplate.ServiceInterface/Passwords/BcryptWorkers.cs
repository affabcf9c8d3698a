using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Boilerplate.ServiceInterface.Passwords;

/// <summary>
/// Dedicated threads for bcrypt, at a lower scheduling priority than the threads serving
/// requests. Alone, bcrypt still gets every core; in a flood of sign-ins the kernel lets the rest
/// of the API run first, so one cheap GET does not queue behind a quarter-second hash.
/// </summary>
public sealed class BcryptWorkers : IDisposable
{
    // Nice 10 weighs about a tenth of nice 0 in Linux's scheduler.
    private const int LowerPriority = 10;
    private readonly BlockingCollection<Action> work = new();

    public BcryptWorkers(int threads)
    {
        for (var i = 0; i < threads; i++)
            new Thread(Serve) { IsBackground = true, Name = "bcrypt" }.Start();
    }

    public Task<T> RunAsync<T>(Func<T> job)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try { done.SetResult(job()); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    public void Dispose() => work.CompleteAdding();

    private void Serve()
    {
        if (OperatingSystem.IsLinux())
            _ = SetPriority(PriorityOfProcess, GetThreadId(), LowerPriority);
        foreach (var job in work.GetConsumingEnumerable())
            job();
    }

    // On Linux a nice value belongs to a thread, named by its kernel thread id.
    private const int PriorityOfProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
