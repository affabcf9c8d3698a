using System.Text.Encodings.Web;
using Boilerplate.ServiceInterface.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Hosting;

/// <summary>
/// ASP.NET Core's side of API keys: the request's key (<see cref="ApiKeySecrets.Sent"/>) judged by
/// <see cref="ApiKeyAcceptance"/>. The default scheme sends a request here only when it carries one.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAcceptance acceptance)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeySecrets.Sent(Request.Headers.Authorization, Request.Headers[ApiKeySecrets.Header]) is not { } key)
            return AuthenticateResult.NoResult();
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "";
        var (caller, refusal) = await acceptance.AcceptAsync(key, client, Context.RequestAborted);
        return caller is not null ? AuthenticateResult.Success(new AuthenticationTicket(caller, SchemeName)) : AuthenticateResult.Fail(refusal!);
    }
}
