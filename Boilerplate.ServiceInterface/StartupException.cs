namespace Boilerplate.ServiceInterface;

/// <summary>The service cannot start as configured; the message says why in one line.</summary>
public sealed class StartupException(string message) : Exception(message);
