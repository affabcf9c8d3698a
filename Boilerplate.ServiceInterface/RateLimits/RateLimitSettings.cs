using Boilerplate.ServiceModel.Types;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.RateLimits;

/// <summary>
/// The <c>RateLimits</c> configuration section: each budget of <see cref="RateLimitBudgets"/>, per
/// client address (an IPv6 client by its /64), and the cap on mail to any one address.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public RateLimitBudget SignIn { get; set; } = new(10, TimeSpan.FromMinutes(1));

    public RateLimitBudget Registration { get; set; } = new(10, TimeSpan.FromMinutes(10));

    /// <summary>Generous: a household or an office behind one address renews every tab's session.</summary>
    public RateLimitBudget Renewal { get; set; } = new(60, TimeSpan.FromMinutes(1));

    public RateLimitBudget Mail { get; set; } = new(5, TimeSpan.FromMinutes(10));

    public RateLimitBudget MailedLink { get; set; } = new(10, TimeSpan.FromMinutes(1));

    public RateLimitBudget Confirmation { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Requests with an API key that is unknown, expired or whose account is locked: past it, the
    /// client's keys are refused (429) without being looked up until the window is over.
    /// </summary>
    public RateLimitBudget FailedApiKey { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Requests to mail one address, from whatever client: no one fills a stranger's mailbox by
    /// spreading requests over many addresses of their own.
    /// </summary>
    public RateLimitBudget MailPerRecipient { get; set; } = new(5, TimeSpan.FromHours(1));

    public IEnumerable<(string Name, RateLimitBudget Budget)> Budgets() =>
    [
        (RateLimitBudgets.SignIn, SignIn), (RateLimitBudgets.Registration, Registration), (RateLimitBudgets.Renewal, Renewal),
        (RateLimitBudgets.Mail, Mail), (RateLimitBudgets.MailedLink, MailedLink), (RateLimitBudgets.Confirmation, Confirmation),
        (nameof(FailedApiKey), FailedApiKey), (nameof(MailPerRecipient), MailPerRecipient),
    ];

    public RateLimitBudget? Find(string name) => Budgets().FirstOrDefault(b => b.Name == name).Budget;
}

/// <summary>How many requests one key may make per window.</summary>
public sealed class RateLimitBudget
{
    public RateLimitBudget()
    {
    }

    public RateLimitBudget(int permitLimit, TimeSpan window) => (PermitLimit, Window) = (permitLimit, window);

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

public sealed class RateLimitSettingsValidation : IValidateOptions<RateLimitSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitSettings settings)
    {
        var problems = new List<string>();
        foreach (var (budget, limit) in settings.Budgets())
        {
            if (limit.PermitLimit < 1)
                problems.Add($"RateLimits:{budget}:PermitLimit must be at least 1, not {limit.PermitLimit}.");
            if (limit.Window <= TimeSpan.Zero)
                problems.Add($"RateLimits:{budget}:Window must be positive, not {limit.Window}.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
