namespace Boilerplate.Tests.Support;

/// <summary>A fixture that talks to one host with a fresh database of its own.</summary>
public abstract class ApiFixture
{
    private static int counter;

    protected ApiFactory Factory { get; private set; } = null!;
    protected Api Api { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = new ApiFactory();
        Api = Factory.CreateApi();
    }

    [OneTimeTearDown]
    public void StopHost() => Factory.Dispose();

    /// <summary>A username no other test in the run uses.</summary>
    protected static string UniqueName(string prefix = "user") => $"{prefix}{Interlocked.Increment(ref counter)}";
}
