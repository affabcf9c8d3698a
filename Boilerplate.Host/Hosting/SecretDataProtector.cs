using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Boilerplate.Host.Hosting;

/// <summary>
/// ASP.NET Core's data protection under a key derived from SECRET_KEY, as the app seals its other
/// secrets: every host derives the same keys, so a sign-in a provider sends back to another host
/// than the one it began on is read there too, with no key ring to share.
/// </summary>
public sealed class SecretDataProtector : SecretProtector, IDataProtector
{
    private readonly IOptions<AuthSettings> options;
    private readonly string purpose;

    public SecretDataProtector(IOptions<AuthSettings> options, string purpose) : base(options, purpose)
    {
        this.options = options;
        this.purpose = purpose;
    }

    /// <summary>A protector whose keys are derived from this one's purposes and the next, as data protection's purpose chains are.</summary>
    public IDataProtector CreateProtector(string subPurpose) => new SecretDataProtector(options, $"{purpose}\n{subPurpose}");
}
