namespace Boilerplate.ServiceInterface.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>
    /// The app's secret, at least 32 bytes: it seals the private signing keys, TOTP secrets and
    /// mailed tokens at rest, and signs access tokens under HS256. <c>SECRET_KEY</c> overrides it.
    /// </summary>
    public string SecretKey { get; set; } = "";

    /// <summary>
    /// How access tokens are signed: <c>ES256</c> (P-256, the default) or <c>RS256</c>, with keys the
    /// database holds and <c>/.well-known/jwks.json</c> publishes, so other services verify tokens
    /// without being able to mint them; or <c>HS256</c> under <see cref="SecretKey"/>, the seed's scheme.
    /// </summary>
    public string SigningAlgorithm { get; set; } = SigningAlgorithms.Es256;

    /// <summary>The tokens' <c>aud</c>; unset, the issuer (<c>App:PublicUrl</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// How long a rotated key is published before it signs, so resource servers' cached key sets
    /// learn it before the first token it signs reaches them.
    /// </summary>
    public TimeSpan SigningKeyActivationDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Short, so a stolen access token is soon useless; the refresh token renews it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How long a sign-in lasts however often it is renewed: past it, the user signs in again.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromDays(30);
    /// <summary>
    /// Each refresh replaces the refresh token, and a used one presented again ends the session.
    /// Turn off only for clients that cannot keep the new token (see the README).
    /// </summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Failed sign-ins for one account within <see cref="FailedSignInWindow"/> that lock it out.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Tolerance for clocks that disagree, applied to <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
    public int BcryptWorkFactor { get; set; } = 12;
    /// <summary>bcrypt runs at most this many at once (0: one per core)…</summary>
    public int MaxConcurrentHashes { get; set; }
    /// <summary>…with this many waiting (-1: <see cref="DefaultQueuePerPermit"/> per permit); beyond that, 503.</summary>
    public int HashQueueLimit { get; set; } = -1;
    /// <summary>
    /// Queued sign-ins cost nothing while they wait, whereas a client turned away with 503 often
    /// retries at once, and answering those retries took more CPU from the rest of the API than
    /// the hashes did (bench/RESULTS.md, the login flood). At cost 12 the last in line waits
    /// about 8 s.
    /// </summary>
    public const int DefaultQueuePerPermit = 32;
    public int MinPasswordLength { get; set; } = 8;
    /// <summary>How often rows of revoked tokens that have expired anyway are deleted.</summary>
    public TimeSpan RevokedTokenPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// When true, registration signs no one in, and an account signs in only once its address is
    /// verified (403 EmailNotVerified, after the right password). Off by default, as in the seed.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; }
    /// <summary>How long the link in each account mail works.</summary>
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the mfa_token of a sign-in waiting for its second factor works.</summary>
    public TimeSpan MfaChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>OpenID Connect providers to sign in with, by name (<c>/auth/{name}</c>); none by default.</summary>
    public Dictionary<string, ExternalSignIn.ExternalProviderSettings> External { get; set; } = new(StringComparer.Ordinal);
}
