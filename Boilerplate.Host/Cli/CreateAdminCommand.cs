using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Registration;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using FluentValidation;

namespace Boilerplate.Host.Cli;

/// <summary><c>create-admin</c>: the first admin, which registration can never make.</summary>
public sealed class CreateAdminCommand(IServiceProvider services, TextWriter output)
{
    /// <exception cref="CommandException">The password is weak, or the email or username is taken.</exception>
    public async Task RunAsync(string email, string username, string? password)
    {
        // The same rules as registration, so an admin account is never weaker than a user's.
        var request = new CreateUser { Email = email, Username = username, Password = password };
        var check = await services.GetRequiredService<IValidator<CreateUser>>().ValidateAsync(request);
        if (!check.IsValid)
            throw new CommandException(string.Join(" ", check.Errors.Select(e => e.ErrorMessage)));

        services.GetRequiredService<DatabaseStartup>().EnsureCurrent();
        using var scope = services.CreateScope();
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<Registrations>().RegisterAdminAsync(email, username, password!);
            await output.WriteLineAsync($"created admin {user.Username} <{user.Email}> public_id {user.PublicId}");
        }
        catch (UserExistsException)
        {
            throw new CommandException("a user with that email or username already exists.");
        }
    }
}
