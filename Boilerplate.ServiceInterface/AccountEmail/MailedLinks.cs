using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Mail;

namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>
/// What a change of password or of address does to the links already mailed, or about to be:
/// none outlives the change it would undo or go around.
/// </summary>
public sealed class MailedLinks(EmailTokens tokens, MailOutbox outbox)
{
    /// <summary>
    /// A new password (changed, or reset by mail) ends the account's other reset links and its
    /// pending email change, mailed or still in the outbox: whoever asked for them knew the old
    /// password, or held the session. A notice goes to the account's address.
    /// </summary>
    public async Task PasswordChangedAsync(UserRecord user, CancellationToken cancel)
    {
        // The outbox first: a sender issues a mail's token only while its row is pending, so no
        // token is issued after the void below.
        await outbox.CancelAsync(user.Id, AccountMail.EmailChange, cancel);
        await tokens.VoidAsync(user.Id, EmailTokenKinds.PasswordReset, cancel);
        await tokens.VoidAsync(user.Id, EmailTokenKinds.EmailChange, cancel);
        await outbox.QueueAsync(AccountMail.Notice, user.Email, user.Id, detail: AccountMail.PasswordChanged, cancel: cancel);
    }

    /// <summary>The account has moved to a new address: the reset and verification links sent to the old one die.</summary>
    public async Task AddressMovedAsync(UserRecord user, CancellationToken cancel)
    {
        await tokens.VoidAsync(user.Id, EmailTokenKinds.PasswordReset, cancel);
        await tokens.VoidAsync(user.Id, EmailTokenKinds.Verification, cancel);
    }
}
