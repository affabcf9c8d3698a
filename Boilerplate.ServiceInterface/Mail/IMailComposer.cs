using Boilerplate.ServiceInterface.Data;

namespace Boilerplate.ServiceInterface.Mail;

/// <summary>
/// What a claimed outbox row says, decided by the module whose mail it is (the account mail is
/// Auth's): a template and its values, or null when the mail is not to go (no such account, or
/// one of its kind went to the address a moment ago).
/// </summary>
public interface IMailComposer
{
    Task<ComposedMail?> ComposeAsync(MailRecord mail, CancellationToken cancel);
}

/// <param name="Template">The templates' base name, e.g. <c>verify_email</c>.</param>
/// <param name="Values">What fills the templates' <c>{{name}}</c> placeholders.</param>
/// <param name="Link">The mail's link, logged in development so <c>make run</c> needs no mail reader.</param>
public sealed record ComposedMail(string Template, IReadOnlyDictionary<string, string> Values, string? Link);
