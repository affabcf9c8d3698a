namespace Boilerplate.ServiceModel.Types;

/// <summary>
/// A request that ends in a session (a sign-in, a registration, a reset, a renewal): it says how
/// the session's tokens come back, with ServiceStack's own property on <c>Authenticate</c>.
/// </summary>
public interface IHasUseTokenCookie
{
    /// <summary>
    /// True: the tokens come back only as HttpOnly <c>ss-tok</c>/<c>ss-reftok</c> cookies, which no
    /// page script can read (for a browser app on this origin). Otherwise they are in the body,
    /// unless the caller's own session already rides on those cookies.
    /// </summary>
    bool? UseTokenCookie { get; set; }
}
