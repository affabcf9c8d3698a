using Boilerplate.ServiceInterface.AccountEmail;
using Boilerplate.ServiceInterface.Audit;
using Boilerplate.ServiceInterface.Data;
using Boilerplate.ServiceInterface.Sessions;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceInterface.TwoFactor;

/// <summary>Setting up, renewing and removing the second factor: an authenticator app (TOTP) and its recovery codes.</summary>
public class TwoFactorServices(SecondFactor secondFactor, SessionStore sessions) : AppService
{
    public async Task<TotpEnrollmentResponse> Post(EnrollTotp request)
    {
        var user = await CallerAsync();
        if (user.MfaEnabled)
            throw HttpError.Conflict("Two-factor sign-in is on already: remove it first.");
        await ConfirmAsync(user, request.Password, code: null);
        var enrolment = await secondFactor.BeginAsync(user, Cancel);
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

        List<string> codes = [];
        await AuditedAsync(AuditEventNames.TwoFactorEnabled, user.PublicId, async () =>
        {
            codes = await secondFactor.EnableAsync(user, Cancel);
            // Whoever else was signed in got there without the second factor.
            await sessions.EndOthersAsync(user.Id, GetSession().Id ?? "", Cancel);
            await NotifyAsync(user, AccountMail.TwoFactorEnabled);
        });
        Audit.TwoFactorEnabled(user.PublicId, ClientIp);
        return new RecoveryCodesResponse { RecoveryCodes = codes };
    }

    public async Task Delete(DisableTotp request)
    {
        var user = await CallerAsync();
        await RequireFactorAsync(user, request.Password, request.Code);
        await AuditedAsync(AuditEventNames.TwoFactorDisabled, user.PublicId, async () =>
        {
            await secondFactor.DisableAsync(user, Cancel);
            await NotifyAsync(user, AccountMail.TwoFactorDisabled);
        });
        Audit.TwoFactorDisabled(user.PublicId, ClientIp);
    }

    /// <summary>ServiceStack's clients cannot send a DELETE with a body, and the password must not go in the URL.</summary>
    public Task Post(DisableTotp request) => Delete(request);

    public async Task<RecoveryCodesResponse> Post(RegenerateRecoveryCodes request)
    {
        var user = await CallerAsync();
        await RequireFactorAsync(user, request.Password, request.Code);
        List<string> codes = [];
        await AuditedAsync(AuditEventNames.RecoveryCodesRenewed, user.PublicId, async () =>
        {
            codes = await secondFactor.NewRecoveryCodesAsync(user, Cancel);
            await NotifyAsync(user, AccountMail.RecoveryCodesRenewed);
        });
        Audit.RecoveryCodesRenewed(user.PublicId, ClientIp);
        return new RecoveryCodesResponse { RecoveryCodes = codes };
    }

    public async Task Delete(ResetUserMfa request)
    {
        var user = await ManagedUserAsync(request.PublicId);
        await AuditedAsync(AuditEventNames.UserMfaReset, user.PublicId, async () =>
        {
            await secondFactor.DisableAsync(user, Cancel);
            await NotifyAsync(user, AccountMail.TwoFactorDisabled);
        });
        Audit.AdminAction(GetSession().UserAuthId!, "reset two-factor", user.PublicId, ClientIp);
        Audit.TwoFactorDisabled(user.PublicId, ClientIp);
    }

    /// <summary>Changing a factor that is on takes both: the password and a current code.</summary>
    private async Task RequireFactorAsync(UserRecord user, string? password, string? code)
    {
        if (!user.MfaEnabled)
            throw HttpError.Validation("NotEnabled", "Two-factor sign-in is off.", "code");
        await ConfirmAsync(user, password, code);
    }
}
