using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.Auth;

/// <summary>Setting up, renewing and removing the second factor: an authenticator app (TOTP) and its recovery codes.</summary>
public class TwoFactorServices(
    UserStore users, UserAccounts accounts, TwoFactor twoFactor, PasswordHasher passwords, Sessions sessions, AuditLog audit) : Service
{
    public async Task<TotpEnrollmentResponse> Post(EnrollTotp request)
    {
        var user = await CallerAsync();
        await RequirePasswordAsync(user, request.Password);
        if (user.MfaEnabled)
            throw HttpError.Conflict("Two-factor sign-in is on already: remove it first.");
        var enrolment = await twoFactor.BeginAsync(user, Request.RequestAborted);
        return new TotpEnrollmentResponse { Secret = enrolment.Secret, OtpauthUri = enrolment.OtpauthUri, QrCode = QrCodes.PngDataUri(enrolment.OtpauthUri) };
    }

    public async Task<RecoveryCodesResponse> Post(ConfirmTotp request)
    {
        var user = await CallerAsync();
        if (user.MfaEnabled)
            throw HttpError.Conflict("Two-factor sign-in is on already.");
        if (user.TotpSecret is null)
            throw HttpError.Validation("NotStarted", "Start with POST /user/me/mfa/totp, then confirm a code from the app.", "code");
        await RequireCodeAsync(user, request.Code);

        var codes = await twoFactor.EnableAsync(user, Request.RequestAborted);
        // Whoever else was signed in got there without the second factor.
        await sessions.EndOthersAsync(user.Id, GetSession().Id ?? "", Request.RequestAborted);
        audit.TwoFactorEnabled(user.PublicId, Request.RemoteIp);
        return new RecoveryCodesResponse { RecoveryCodes = codes };
    }

    public async Task Delete(DisableTotp request)
    {
        var user = await CallerAsync();
        await RequireFactorAsync(user, request.Password, request.Code);
        await twoFactor.DisableAsync(user, Request.RequestAborted);
        audit.TwoFactorDisabled(user.PublicId, Request.RemoteIp);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DisableTotp request) => Delete(request);

    public async Task<RecoveryCodesResponse> Post(RegenerateRecoveryCodes request)
    {
        var user = await CallerAsync();
        await RequireFactorAsync(user, request.Password, request.Code);
        var codes = await twoFactor.NewRecoveryCodesAsync(user, Request.RequestAborted);
        audit.RecoveryCodesRenewed(user.PublicId, Request.RemoteIp);
        return new RecoveryCodesResponse { RecoveryCodes = codes };
    }

    public async Task Delete(ResetUserMfa request)
    {
        var user = await users.FindByRouteIdAsync(request.PublicId, Request.RequestAborted) ?? throw HttpError.NotFound("User not found.");
        await twoFactor.DisableAsync(user, Request.RequestAborted);
        audit.AdminAction(GetSession().UserAuthId!, "reset two-factor", user.PublicId, Request.RemoteIp);
        audit.TwoFactorDisabled(user.PublicId, Request.RemoteIp);
    }

    private Task<UserRecord> CallerAsync() => accounts.CallerAsync(GetSession(), Request.RequestAborted);

    private async Task RequireFactorAsync(UserRecord user, string? password, string? code)
    {
        if (!user.MfaEnabled)
            throw HttpError.Validation("NotEnabled", "Two-factor sign-in is off.", "code");
        await RequirePasswordAsync(user, password);
        await RequireCodeAsync(user, code);
    }

    private async Task RequirePasswordAsync(UserRecord user, string? password)
    {
        if (!await passwords.VerifyAsync(password ?? "", user.PasswordHash, Request.RequestAborted))
            throw HttpError.Validation("InvalidPassword", "password does not match.", "password");
    }

    private async Task RequireCodeAsync(UserRecord user, string? code)
    {
        if (!await twoFactor.AcceptCodeAsync(user, code, Request.RequestAborted))
            throw HttpError.Validation("InvalidCode", AuthMessages.BadCode, "code");
    }
}
