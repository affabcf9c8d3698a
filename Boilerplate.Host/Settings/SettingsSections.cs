using Boilerplate.ServiceInterface;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Settings;

/// <summary>
/// Every configuration section the service reads, each bound to one class whose defaults are the
/// only defaults, and checked together before the host is built (Kestrel reads its limits while
/// it is built), so one run names every bad value, one line each.
/// </summary>
public static class SettingsSections
{
    /// <summary>Binds <typeparamref name="TSettings"/> to <paramref name="section"/>, checked by the validation made by <paramref name="validation"/>.</summary>
    public static IServiceCollection AddSection<TSettings>(
        this IServiceCollection services, string section, Func<IHostEnvironment, IValidateOptions<TSettings>> validation)
        where TSettings : class, new()
    {
        // Checked again when the host starts: a test's in-process host adds its settings while it is built.
        services.AddOptions<TSettings>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton(provider => validation(provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(new Section((configuration, environment) => Problems(configuration.GetSection(section), validation(environment))));
        return services;
    }

    /// <exception cref="StartupException">Some value is wrong; the message has one line per problem.</exception>
    public static void CheckSettings(this WebApplicationBuilder builder)
    {
        var problems = builder.Services
            .Select(service => service.ImplementationInstance).OfType<Section>()
            .SelectMany(section => section.Check(builder.Configuration, builder.Environment))
            .ToList();
        if (problems.Count > 0)
            throw new StartupException(string.Join('\n', problems));
    }

    private static IEnumerable<string> Problems<TSettings>(IConfigurationSection section, IValidateOptions<TSettings> validation)
        where TSettings : class, new()
    {
        // A misspelt or retired name would otherwise leave its default silently in force.
        var properties = typeof(TSettings).GetProperties().Where(p => p.CanWrite).ToList();
        var unknown = section.GetChildren()
            .Where(child => !properties.Any(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(child => $"{child.Path} is not a setting; {section.Path} has {string.Join(", ", properties.Select(p => p.Name))}.")
            .ToList();
        if (unknown.Count > 0)
            return unknown;

        // Each property on its own first, so every value the binder cannot read is named, not only the first.
        var unreadable = new List<string>();
        foreach (var property in properties)
        {
            try
            {
                section.GetSection(property.Name).Get(property.PropertyType);
            }
            // The binder's message names the setting and the value, e.g. 'abc' at 'Limits:RequestHeadersTimeout'.
            catch (InvalidOperationException e)
            {
                unreadable.Add(e.Message);
            }
        }
        if (unreadable.Count > 0)
            return unreadable;
        var result = validation.Validate(Options.DefaultName, section.Get<TSettings>() ?? new TSettings());
        return result.Failed ? result.Failures : [];
    }

    private sealed record Section(Func<IConfiguration, IHostEnvironment, IEnumerable<string>> Check);
}
