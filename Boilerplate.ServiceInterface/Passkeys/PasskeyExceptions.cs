namespace Boilerplate.ServiceInterface.Passkeys;

/// <summary>The front end's address is an IP address: browsers refuse WebAuthn there, so no passkey could be made or used.</summary>
public sealed class PasskeyHostException() : Exception(
    "Passkeys need a host name, not an IP address: set App:PublicUrl to the front end's address, e.g. http://localhost:5000.");

/// <summary>What the browser sent back for a passkey ceremony is unusable; <see cref="Field"/> names what was wrong.</summary>
public sealed class InvalidPasskeyException(string code, string field, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string Field { get; } = field;
}

/// <summary>The credential is registered already, to this account or another.</summary>
public sealed class PasskeyExistsException() : Exception("This passkey is registered already.");

/// <summary>The seed's wording for passkey failures; clients show these to people.</summary>
public static class PasskeyMessages
{
    public const string CeremonySpent = "This passkey request has expired or was used. Please start again.";
    public const string Malformed = "credential must be the JSON text of what the browser answered.";
    public const string UnknownPasskey = "This passkey is not registered here. Sign in another way, and add it again.";
    public const string NotVerified = "The passkey could not be verified.";
    public const string Cloned = "This passkey's signature counter did not go up: it may have been copied. Sign in another way, and remove it.";
}
