namespace Boilerplate.ServiceInterface.Tokens;

/// <summary>How a sign-in proved who the user is: what may start a session, and what its first access token says of it.</summary>
public enum SignInProof
{
    /// <summary>The password (a registration, a sign-in, a password change in a session).</summary>
    Password,
    /// <summary>A link mailed to the account's address (a password reset).</summary>
    MailedLink,
    /// <summary>The password, then a code of the authenticator app or a recovery code.</summary>
    PasswordAndCode,
    /// <summary>A passkey the authenticator unlocked for its user (user verification).</summary>
    Passkey,
    /// <summary>An external OpenID Connect provider vouched for the identity linked to the account.</summary>
    External,
    /// <summary>An external provider, then a code of the authenticator app or a recovery code.</summary>
    ExternalAndCode,
}

public static class SignInProofs
{
    /// <summary>True when this proof is enough for an account with a second factor.</summary>
    public static bool HasSecondFactor(this SignInProof proof) => proof is SignInProof.PasswordAndCode or SignInProof.Passkey or SignInProof.ExternalAndCode;

    /// <summary>RFC 8176's methods, for the token's <c>amr</c> claim.</summary>
    public static string[] Methods(this SignInProof proof) => proof switch
    {
        SignInProof.PasswordAndCode => ["pwd", "otp", "mfa"],
        SignInProof.Passkey => ["hwk", "user"],
        SignInProof.External => ["fed"],
        SignInProof.ExternalAndCode => ["fed", "otp", "mfa"],
        _ => ["pwd"],
    };
}
