using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceStack;

namespace ServiceStackLite.Tests.MessageLayer;

/// <summary>
/// A stand-in for the JWT handler: "Authorization: Test id;name;email;Role,Role" signs in with
/// those claims (by ServiceStack's JWT names), "Test apikey:…" the same as an API key's caller,
/// "Test refused" is a token that fails, "Test flood" a client refused for sending too many.
/// </summary>
public sealed class TestTokens(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Name + " ", StringComparison.Ordinal))
            return Task.FromResult(AuthenticateResult.NoResult());
        var value = header[(Name.Length + 1)..];
        if (value == "refused")
            return Task.FromResult(AuthenticateResult.Fail(new TokenException("That token was revoked.")));
        if (value == "flood")
            return Task.FromResult(AuthenticateResult.Fail(new HttpError(429, "TooManyRequests", "Slow down.") { Headers = { ["Retry-After"] = "30" } }));
        var authenticationType = Name;
        if (value.StartsWith("apikey:", StringComparison.Ordinal))
            (authenticationType, value) = (AuthenticateService.ApiKeyProvider, value["apikey:".Length..]);

        var parts = value.Split(';');
        var claims = new List<Claim> { new("sub", parts[0]), new("preferred_username", parts[1]), new("email", parts[2]) };
        claims.AddRange(parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim("roles", role)));
        if (parts.Length > 4)
            claims.AddRange(parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(permission => new Claim("perms", permission)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, "preferred_username", "roles"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }
}
