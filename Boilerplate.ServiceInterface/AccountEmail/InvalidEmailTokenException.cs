namespace Boilerplate.ServiceInterface.AccountEmail;

/// <summary>A mailed token that is unknown, used, expired or replaced by a newer one.</summary>
public sealed class InvalidEmailTokenException() : Exception("This link is invalid or has expired. Please ask for a new one.");
