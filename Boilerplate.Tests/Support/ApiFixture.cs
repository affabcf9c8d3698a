namespace Boilerplate.Tests.Support;

/// <summary>
/// A fixture that talks to one host with a fresh database of its own: SQLite unless the fixture
/// is marked <see cref="OnEachDatabaseAttribute"/> and given a kind.
/// </summary>
public abstract class ApiFixture(DatabaseKind kind = DatabaseKind.Sqlite)
{
    private static int counter;

    protected DatabaseKind Kind { get; } = kind;
    protected ApiFactory Factory { get; private set; } = null!;
    protected Api Api { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = new ApiFactory(kind: Kind);
        Api = Factory.CreateApi();
    }

    [OneTimeTearDown]
    public void StopHost() => Factory?.Dispose();

    /// <summary>A username no other test in the run uses.</summary>
    protected static string UniqueName(string prefix = "user") => $"{prefix}{Interlocked.Increment(ref counter)}";
}
