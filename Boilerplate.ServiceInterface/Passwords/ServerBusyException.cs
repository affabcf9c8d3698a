namespace Boilerplate.ServiceInterface.Passwords;

/// <summary>Every bcrypt worker is busy and the queue is full: the client should come back in a moment.</summary>
public sealed class ServerBusyException() : Exception("The server is busy: please try again in a moment.");
