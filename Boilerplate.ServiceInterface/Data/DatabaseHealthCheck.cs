using LinqToDB.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>
/// Ready means the database answers and its schema is the one this build expects. The
/// descriptions are for operators and hold no connection details.
/// </summary>
public sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    /// <summary>The newest migration this build ships.</summary>
    public static long ExpectedVersion => ShippedMigrations.Newest;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long? version;
        try
        {
            version = await db.ExecuteAsync<long?>("SELECT MAX(\"Version\") FROM \"VersionInfo\"", cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database cannot be reached");
        }
        return version == ExpectedVersion
            ? HealthCheckResult.Healthy($"reachable; schema at migration {version}")
            : HealthCheckResult.Unhealthy($"schema at migration {version ?? 0}, this build needs {ExpectedVersion}: run 'db upgrade'");
    }
}
