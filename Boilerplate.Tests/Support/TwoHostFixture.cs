namespace Boilerplate.Tests.Support;

/// <summary>
/// Two in-process hosts on one PostgreSQL database, as behind a load balancer, with an admin made
/// on the first: for what one host changes and the other must see.
/// </summary>
public abstract class TwoHostFixture(string adminName)
{
    private TestDatabase database = null!;

    protected ApiFactory First { get; private set; } = null!;
    protected ApiFactory Second { get; private set; } = null!;
    protected Api A { get; private set; } = null!;
    protected Api B { get; private set; } = null!;
    protected string AdminToken { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        database = TestDatabase.Create(DatabaseKind.PostgreSql);
        First = new ApiFactory(database: database);
        Second = new ApiFactory(database: database);
        (A, B) = (First.CreateApi(), Second.CreateApi());
        AdminToken = await First.CreateAdminAsync(adminName);
    }

    [OneTimeTearDown]
    public void StopHosts()
    {
        First?.Dispose();
        Second?.Dispose();
        database?.Dispose();
    }
}
