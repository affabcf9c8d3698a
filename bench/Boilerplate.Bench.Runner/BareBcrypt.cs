using System.Diagnostics;

namespace Boilerplate.Bench.Runner;

/// <summary>
/// bcrypt with nothing around it, on every core at once: the ceiling for sign-in and registration,
/// which can do no better than one bcrypt each.
/// </summary>
public static class BareBcrypt
{
    public static double VerifiesPerSecond(string password, string hash, TimeSpan duration) =>
        Measure(duration, () => BCrypt.Net.BCrypt.Verify(password, hash));

    public static double HashesPerSecond(string password, int workFactor, TimeSpan duration) =>
        Measure(duration, () => BCrypt.Net.BCrypt.HashPassword(password, workFactor));

    private static double Measure(TimeSpan duration, Action work)
    {
        long done = 0;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed < duration)
            {
                work();
                Interlocked.Increment(ref done);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return done / clock.Elapsed.TotalSeconds;
    }
}
