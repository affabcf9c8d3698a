using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.ExternalSignIn;
using Boilerplate.ServiceInterface.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Boilerplate.Host.Hosting;

/// <summary>
/// The browser's part of signing in with a provider. <c>GET /auth/{name}</c> sends it to the
/// provider (ASP.NET Core's OpenID Connect handler: code flow, PKCE, state and nonce bound to this
/// browser by cookies). The handler checks the answer at <c>/auth/{name}/callback</c> (state,
/// nonce, the ID token's signature, issuer, audience and expiry); then the identity waits in the
/// database behind a ticket only this browser holds, and the account page finishes the sign-in
/// through <c>CompleteExternalSignIn</c>, by the rules of every other sign-in.
/// </summary>
public static class ExternalSignInFlow
{
    /// <summary>The account page that finishes a sign-in, and shows what went wrong.</summary>
    public const string FinishPage = "/account/external";
    private const string ContinueItem = "continue";
    private const string LinkUserItem = "link_user";
    private const string IssuerItem = "iss";

    public static async Task<IResult> StartAsync(HttpContext http, string provider, string? @continue, bool? link)
    {
        var continuePath = LocalPath(@continue);
        var properties = new AuthenticationProperties { Items = { [ContinueItem] = continuePath } };
        if (link == true)
        {
            // Only a signed-in session links, never an API key; the account that began is the one the identity joins.
            var signedIn = await http.AuthenticateAsync();
            if (signedIn.Principal?.FindFirst(TokenClaims.Subject)?.Value is not { } userId || signedIn.Principal.HasClaim(c => c.Type == ApiKeyAcceptance.KeyIdClaim))
                return Results.Redirect($"{FinishPage}?error=signed_out");
            properties.Items[LinkUserItem] = userId;
        }
        try
        {
            await http.ChallengeAsync(provider, properties);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException && !http.Response.HasStarted)
        {
            // The provider's discovery document could not be read: it is down or misconfigured.
            Logger(http).LogWarning(e, "Sign-in with {Provider} could not begin: its discovery document could not be read", provider);
            return Results.Redirect($"{FinishPage}?provider={provider}&error=unavailable");
        }
        return Results.Empty;
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInFlow));

    public static OpenIdConnectEvents Events(string provider, string? publicUrl) => new()
    {
        OnRedirectToIdentityProvider = context =>
        {
            // The redirect URI registered at the provider is the public address's, whichever host begins
            // (the handler keeps the message's for the code's redemption).
            if (publicUrl is { Length: > 0 })
                context.ProtocolMessage.RedirectUri = $"{publicUrl.TrimEnd('/')}{context.Options.CallbackPath}";
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            context.Properties!.Items[IssuerItem] = context.SecurityToken.Issuer;
            return Task.CompletedTask;
        },
        OnTicketReceived = async context =>
        {
            var principal = context.Principal!;
            var items = context.Properties!.Items;
            var vouched = new VouchedIdentity(provider, items[IssuerItem]!, principal.FindFirst("sub")!.Value,
                principal.FindFirst("email")?.Value, principal.FindFirst("email_verified")?.Value is "true" or "True",
                principal.FindFirst("name")?.Value);
            var tickets = context.HttpContext.RequestServices.GetRequiredService<ExternalSignInTickets>();
            var ticket = await tickets.HoldAsync(vouched, items.TryGetValue(LinkUserItem, out var linkUser) ? linkUser : null, LocalPath(items.TryGetValue(ContinueItem, out var path) ? path : null),
                context.HttpContext.RequestAborted);
            context.Response.Cookies.Append(ExternalSignInTickets.Cookie, ticket, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = ExternalSignInTickets.Lifetime,
            });
            context.Response.Redirect($"{FinishPage}?provider={provider}");
            context.HandleResponse();
        },
        OnAccessDenied = context =>
        {
            context.Response.Redirect($"{FinishPage}?provider={provider}&error=access_denied");
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnRemoteFailure = context =>
        {
            // A forged or replayed state, an expired flow, a token that does not verify: the page says
            // "start again"; the detail is in the log, never in the page.
            Logger(context.HttpContext).LogWarning("Sign-in with {Provider} failed: {Reason}", provider, context.Failure?.Message);
            context.Response.Redirect($"{FinishPage}?provider={provider}&error=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        },
    };

    /// <summary>A path of this service to land on, or the account pages: never another site (no open redirect).</summary>
    public static string LocalPath(string? path) =>
        path is { Length: > 0 and <= 2000 } && path[0] == '/' && !path.StartsWith("//") && !path.Contains('\\') && !path.Any(char.IsControl)
            ? path
            : "/account/";
}
