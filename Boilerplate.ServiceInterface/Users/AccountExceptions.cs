namespace Boilerplate.ServiceInterface.Users;

/// <summary>The email or the username belongs to another account.</summary>
public sealed class UserExistsException() : Exception("User already exists. Please Log in.");

/// <summary>The change would leave no admin who can sign in.</summary>
public sealed class LastAdminException() : Exception("This is the last admin: make another admin first.");

/// <summary>A valid token whose user has gone since it was issued: no longer a credential.</summary>
public sealed class UnknownCallerException() : Exception("The signed-in user no longer exists.");
