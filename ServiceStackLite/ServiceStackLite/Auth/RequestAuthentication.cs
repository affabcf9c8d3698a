using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using ServiceStack.Auth;

namespace ServiceStack.Auth;

/// <summary>
/// What ASP.NET Core's default authentication scheme made of a request's credentials, run at
/// most once per request: nothing sent, a caller, or a token that was refused.
/// </summary>
internal sealed class RequestAuthentication
{
    private readonly AuthenticateResult result;
    private readonly string invalidTokenMessage;
    private IAuthSession? session;

    private RequestAuthentication(AuthenticateResult result, string invalidTokenMessage)
    {
        this.result = result;
        this.invalidTokenMessage = invalidTokenMessage;
    }

    public static async Task<RequestAuthentication> RunAsync(HttpContext context, ServiceStackLiteOptions options)
    {
        // ASP.NET Core's authentication middleware, where it ran first, keeps a success for the
        // rest of the request: asking the scheme again would repeat its selection and its claims' copy.
        var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult ?? await context.AuthenticateAsync();
        if (result.Succeeded)
            context.User = result.Principal;
        return new RequestAuthentication(result, options.InvalidTokenMessage);
    }

    /// <summary>No credentials came with the request.</summary>
    public bool None => result.None;

    public bool Succeeded => result.Succeeded;

    /// <summary>
    /// Why the credentials were refused: a <see cref="TokenException"/> (401), or the
    /// <see cref="HttpError"/> the handler failed with, e.g. a 429 for a client that sent too many bad keys.
    /// </summary>
    public Exception Failure => result.Failure as TokenException ?? result.Failure as HttpError ?? (Exception)new TokenException(invalidTokenMessage);

    public ClaimsPrincipal? Principal => result.Succeeded ? result.Principal : null;

    /// <summary>The caller as a session: filled from the token's claims, or unauthenticated.</summary>
    public IAuthSession Session => session ??= Principal is { } principal ? ClaimsSession.From(principal) : new AuthUserSession();
}
