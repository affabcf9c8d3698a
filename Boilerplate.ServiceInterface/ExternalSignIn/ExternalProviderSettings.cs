using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;

namespace Boilerplate.ServiceInterface.ExternalSignIn;

/// <summary>One OpenID Connect provider people may sign in with: <c>Auth:External:{name}</c>.</summary>
public sealed class ExternalProviderSettings
{
    /// <summary>The issuer, whose <c>/.well-known/openid-configuration</c> says the rest.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>What the account pages' button says: "Sign in with {DisplayName}". Unset, the name.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Asked for besides <c>openid email profile</c>.</summary>
    public string[] Scopes { get; set; } = [];
    /// <summary>
    /// A new identity whose address the provider verified signs in to the account of that address,
    /// if the account's address is verified too, and is linked to it. Off by default: the person is
    /// asked to sign in to the account and link the provider from there.
    /// </summary>
    public bool LinkByVerifiedEmail { get; set; }
}

/// <summary>
/// Every <c>Auth:External</c> provider must name its authority and client; in production the
/// authority is HTTPS (a provider's keys and answers must not be open to the network in between).
/// </summary>
public static partial class ExternalProviderValidation
{
    /// <summary>Names that are routes of their own under <c>/auth/</c>.</summary>
    private static readonly HashSet<string> Reserved = ["providers", "external", "credentials", "login", "logout", "apikey", "jwt", "refresh"];

    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, ExternalProviderSettings> providers, IHostEnvironment environment)
    {
        var problems = new List<string>();
        foreach (var (provider, external) in providers)
        {
            var at = $"Auth:External:{provider}";
            if (!ProviderName().IsMatch(provider) || Reserved.Contains(provider))
                problems.Add($"{at}: a provider's name is lower-case letters, digits and dashes, and not one of {string.Join(", ", Reserved)}.");
            if (!Uri.TryCreate(external.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
                problems.Add($"{at}:Authority must be the provider's issuer address, not '{external.Authority}'.");
            else if (authority.Scheme != "https" && environment.IsProduction())
                problems.Add($"{at}:Authority must be an https address in production, not '{external.Authority}'.");
            if (string.IsNullOrWhiteSpace(external.ClientId))
                problems.Add($"{at}:ClientId is not set: the client id the provider gave this service.");
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ProviderName();
}
