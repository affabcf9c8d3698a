using System.Text;
using Boilerplate.ServiceInterface.Passwords;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>
/// The secret policy, and the <c>Auth</c> values that make no sense: each problem one line naming
/// the setting. Production refuses a secret anyone could know.
/// </summary>
public sealed class AuthSettingsValidation(IHostEnvironment environment) : IValidateOptions<AuthSettings>
{
    public const int MinSecretBytes = 32;

    /// <summary>Keys that ship in this repository or in the seed: never acceptable in production.</summary>
    private static readonly HashSet<string> KnownSecrets =
    [
        "my_precious_secret_key", "my_precious", "secret", "changeme", "change-me",
        "dev-only-secret-key-not-for-production-use-0123456789",
        "test-only-secret-key-not-for-production-use-0123456789",
    ];

    public ValidateOptionsResult Validate(string? name, AuthSettings settings)
    {
        var problems = new List<string>();
        var key = settings.SecretKey;
        if (string.IsNullOrEmpty(key))
            problems.Add("no secret key is set: set SECRET_KEY (at least 32 bytes, random).");
        else if (Encoding.UTF8.GetByteCount(key) < MinSecretBytes)
            problems.Add($"the secret key is shorter than {MinSecretBytes} bytes: set a longer random SECRET_KEY.");
        else if (environment.IsProduction() && KnownSecrets.Contains(key))
            problems.Add("the secret key is a published default: set your own random SECRET_KEY.");

        if (!SigningAlgorithms.All.Contains(settings.SigningAlgorithm))
            problems.Add($"Auth:SigningAlgorithm must be one of {string.Join(", ", SigningAlgorithms.All)}, not '{settings.SigningAlgorithm}'.");
        if (settings.SigningKeyActivationDelay < TimeSpan.Zero)
            problems.Add($"Auth:SigningKeyActivationDelay must not be negative, not {settings.SigningKeyActivationDelay}.");
        if (settings.BcryptWorkFactor is < 4 or > 31)
            problems.Add($"Auth:BcryptWorkFactor must be between 4 and 31, not {settings.BcryptWorkFactor}.");
        if (settings.MaxFailedSignIns < 1)
            problems.Add($"Auth:MaxFailedSignIns must be at least 1, not {settings.MaxFailedSignIns}.");
        if (settings.MinPasswordLength is < 1 or > PasswordHasher.MaxPasswordBytes)
            problems.Add($"Auth:MinPasswordLength must be between 1 and {PasswordHasher.MaxPasswordBytes}, not {settings.MinPasswordLength}.");
        if (settings.MaxConcurrentHashes < 0)
            problems.Add($"Auth:MaxConcurrentHashes must be 0 (one per core) or more, not {settings.MaxConcurrentHashes}.");
        if (settings.HashQueueLimit < -1)
            problems.Add($"Auth:HashQueueLimit must be -1 (the default queue) or more, not {settings.HashQueueLimit}.");
        foreach (var (setting, value) in new[]
                 {
                     (nameof(settings.AccessTokenLifetime), settings.AccessTokenLifetime),
                     (nameof(settings.RefreshTokenLifetime), settings.RefreshTokenLifetime),
                     (nameof(settings.SessionMaxLifetime), settings.SessionMaxLifetime),
                     (nameof(settings.FailedSignInWindow), settings.FailedSignInWindow),
                     (nameof(settings.LockoutDuration), settings.LockoutDuration),
                     (nameof(settings.RevokedTokenPurgeInterval), settings.RevokedTokenPurgeInterval),
                     (nameof(settings.EmailVerificationLifetime), settings.EmailVerificationLifetime),
                     (nameof(settings.PasswordResetLifetime), settings.PasswordResetLifetime),
                     (nameof(settings.EmailChangeLifetime), settings.EmailChangeLifetime),
                     (nameof(settings.MfaChallengeLifetime), settings.MfaChallengeLifetime),
                 })
        {
            if (value <= TimeSpan.Zero)
                problems.Add($"Auth:{setting} must be positive, not {value}.");
        }
        if (settings.ClockSkew < TimeSpan.Zero)
            problems.Add($"Auth:ClockSkew must not be negative, not {settings.ClockSkew}.");
        problems.AddRange(ExternalSignIn.ExternalProviderValidation.Problems(settings.External, environment));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
