namespace Boilerplate.Tests.Support;

/// <summary>A clock that says what the test wants, for tokens issued in the past.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
