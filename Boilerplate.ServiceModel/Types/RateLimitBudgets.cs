namespace Boilerplate.ServiceModel.Types;

/// <summary>
/// The <c>[RateLimited]</c> budgets: every way in to the same thing draws on one count per client,
/// each sized in the <c>RateLimits</c> settings by what its abuse costs.
/// </summary>
public static class RateLimitBudgets
{
    /// <summary>Guesses at a password, a code or a passkey.</summary>
    public const string SignIn = nameof(SignIn);
    public const string Registration = nameof(Registration);
    /// <summary>Renewals with a refresh token.</summary>
    public const string Renewal = nameof(Renewal);
    /// <summary>Requests that send a mail to an address the caller names.</summary>
    public const string Mail = nameof(Mail);
    /// <summary>Uses of the tokens mail links carry.</summary>
    public const string MailedLink = nameof(MailedLink);
    /// <summary>A signed-in caller's password or code, confirming a sensitive change.</summary>
    public const string Confirmation = nameof(Confirmation);
}
