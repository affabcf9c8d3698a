using Boilerplate.Host.Hosting;
using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.ApiKeys;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.ExternalSignIn;
using Boilerplate.ServiceInterface.Mail;
using Boilerplate.ServiceInterface.Passkeys;
using Boilerplate.ServiceInterface.Passwords;
using Boilerplate.ServiceInterface.RateLimits;
using Boilerplate.ServiceInterface.Registration;
using Boilerplate.ServiceInterface.Roles;
using Boilerplate.ServiceInterface.Revocation;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceInterface.SigningKeys;
using Boilerplate.ServiceInterface.Tokens;
using Boilerplate.ServiceInterface.TwoFactor;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.Host;

/// <summary>
/// What the account features and their machinery need beside their services, one line each: every
/// folder of ServiceInterface that has something to register says what in its own *Wiring.cs.
/// The services themselves, and the validators, are found by the message layer.
/// </summary>
public static class ConfigureAccounts
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddUsers()
            .AddPasswords()
            .AddTokens()
            .AddSigningKeys()
            .AddRoles()
            .AddApiKeys()
            .AddAudit()
            .AddRevocation()
            .AddSessions()
            .AddSignIn()
            .AddRegistration()
            .AddTwoFactor()
            .AddPasskeys()
            .AddExternalSignIn()
            .AddAccountEmail()
            .AddMail()
            .AddRateLimits();
        // Where mail links lead when App:PublicUrl is unset: only the server knows where it listens.
        builder.Services.AddSingleton<IListeningAddresses, ServerAddresses>();
        return builder;
    }
}
