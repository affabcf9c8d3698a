namespace Boilerplate.ServiceInterface.SigningKeys;

/// <summary>Where a key is in its life.</summary>
public enum SigningKeyState
{
    /// <summary>Published, not yet signing: resource servers learn it first.</summary>
    Pending,
    /// <summary>Signing new tokens.</summary>
    Signing,
    /// <summary>Replaced, and still published while tokens it signed may be live.</summary>
    Verifying,
    /// <summary>Every token it signed has expired; no longer published.</summary>
    Expired,
    /// <summary>Refused and unpublished at once.</summary>
    Revoked,
}
