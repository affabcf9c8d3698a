using Boilerplate.ServiceInterface.Auth;

namespace Boilerplate.ServiceInterface.SignIn;

/// <summary>A sign-in refused: wrong credentials, a lockout or a locked account. The message is the client's.</summary>
public sealed class SignInFailedException(string message) : Exception(message);

/// <summary>The right password, but the address is not verified yet and Auth:RequireVerifiedEmail says it must be.</summary>
public sealed class EmailNotVerifiedException() : Exception("Verify your email address first: follow the link we sent, or ask for a new one.");

/// <summary>ServiceStack's Authenticate with the right password to an account with a second factor: it never issues tokens without it.</summary>
public sealed class MfaRequiredException(string mfaToken) : Exception(AuthMessages.MfaRequired)
{
    public string MfaToken { get; } = mfaToken;
}
