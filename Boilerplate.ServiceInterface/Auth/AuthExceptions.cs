namespace Boilerplate.ServiceInterface.Auth;

/// <summary>A sign-in refused: wrong credentials, a lockout or a locked account. The message is the client's.</summary>
public sealed class SignInFailedException(string message) : Exception(message);

/// <summary>Every bcrypt worker is busy and the queue is full: the client should come back in a moment.</summary>
public sealed class ServerBusyException() : Exception("The server is busy: please try again in a moment.");

