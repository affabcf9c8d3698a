namespace Boilerplate.Tests.Support;

/// <summary>A clock the test sets and moves, for tokens issued in the past or sessions that expire.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
