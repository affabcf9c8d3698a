using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>How mail leaves.</summary>
public enum MailDelivery
{
    /// <summary>To the SMTP server <see cref="EmailSettings.SmtpUrl"/> names.</summary>
    Smtp,

    /// <summary>As .eml files in <see cref="EmailSettings.PickupFolder"/>: development's default, so no mail server is needed.</summary>
    Pickup,
}

/// <summary>The <c>Email</c> configuration section. <c>SMTP_URL</c> sets <see cref="SmtpUrl"/>.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    /// <summary><c>smtp://[user:password@]host:port?tls=none|starttls|tls</c>; see <see cref="SmtpAddress"/>.</summary>
    public string? SmtpUrl { get; set; }

    /// <summary>Smtp when an SMTP URL is set, else Pickup outside production; production must say Pickup itself.</summary>
    public MailDelivery? Delivery { get; set; }

    /// <summary>Relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    public string From { get; set; } = "SsBoilerplate <no-reply@localhost>";

    /// <summary>At most one mail per address and kind this often: a resend button pressed twice sends one.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts at sending one mail before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a sender holds the mail it claimed. A host that dies holding some leaves them
    /// to another sender (or itself, restarted) after this; longer than sending a batch takes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A folder whose files replace the shipped templates of the same name (Mail/Templates); relative to the content root.</summary>
    public string? TemplatesPath { get; set; }

    public MailDelivery DeliveryIn(IHostEnvironment environment) =>
        Delivery ?? (SmtpUrl is { Length: > 0 } || environment.IsProduction() ? MailDelivery.Smtp : MailDelivery.Pickup);
}

/// <summary>Production refuses to start without a mail server, unless told to write mail to a folder.</summary>
public sealed class EmailSettingsValidation(IHostEnvironment environment) : IValidateOptions<EmailSettings>
{
    public ValidateOptionsResult Validate(string? name, EmailSettings settings)
    {
        var problems = new List<string>();
        if (settings.DeliveryIn(environment) == MailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(settings.SmtpUrl))
                problems.Add("no mail server is configured: set SMTP_URL (or Email:Delivery=Pickup to write mail to a folder).");
            else if (SmtpAddress.Problem(settings.SmtpUrl) is { } problem)
                problems.Add($"SMTP_URL {problem}");
        }
        if (!MimeKit.MailboxAddress.TryParse(settings.From, out _))
            problems.Add($"Email:From must be an address such as 'App <no-reply@example.com>', not '{settings.From}'.");
        if (settings.MaxAttempts < 1)
            problems.Add($"Email:MaxAttempts must be at least 1, not {settings.MaxAttempts}.");
        foreach (var (setting, value) in new[] { (nameof(settings.ResendInterval), settings.ResendInterval), (nameof(settings.RetryDelay), settings.RetryDelay), (nameof(settings.MaxRetryDelay), settings.MaxRetryDelay), (nameof(settings.ClaimLease), settings.ClaimLease) })
        {
            if (value <= TimeSpan.Zero)
                problems.Add($"Email:{setting} must be positive, not {value}.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
