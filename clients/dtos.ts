/* Options:
Date: 2026-12-07 18:32:58
Version: 10.15
Tip: To override a DTO option, remove "//" prefix before updating
BaseUrl: http://localhost:5000

//GlobalNamespace: 
//MakePropertiesOptional: False
//AddServiceStackTypes: True
//AddResponseStatus: False
//AddImplicitVersion: 
//AddDescriptionAsComments: True
//IncludeTypes: 
//ExcludeTypes: 
//DefaultImports: 
*/

// @ts-nocheck

export interface IReturn<T>
{
    createResponse(): T;
}

export interface IReturnVoid
{
    createResponse(): void;
}

export interface IGet {}

export interface IPost {}

export interface IPut {}

export interface IDelete {}

export interface IPatch {}

export class ResponseStatus
{
    public errorCode!: string;
    public message!: string;
    public errors!: ResponseError[];
    public meta?: { [index: string]: string; };

    public constructor(init?: Partial<ResponseStatus>) { (Object as any).assign(this, init); }
}

export class ResponseError
{
    public errorCode!: string;
    public fieldName!: string;
    public message!: string;

    public constructor(init?: Partial<ResponseError>) { (Object as any).assign(this, init); }
}

// @Route("/user/me/passkeys", "POST")
export class AddPasskey implements IReturn<Passkey>, IPost
{
    public ceremony_id?: string;
    public credential?: string;
    public name?: string;

    public constructor(init?: Partial<AddPasskey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'AddPasskey'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new Passkey(); }
}

export class ApiKey
{
    public id!: string;
    public name!: string;
    public visibleKey!: string;
    public scopes!: string[];
    public createdDate!: string;
    public expiryDate?: string;
    public lastUsedDate?: string;

    public constructor(init?: Partial<ApiKey>) { (Object as any).assign(this, init); }
}

// @Route("/assignroles", "POST")
export class AssignRoles implements IReturn<AssignRolesResponse>, IPost
{
    public userName?: string;
    public permissions?: string[];
    public roles?: string[];

    public constructor(init?: Partial<AssignRoles>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'AssignRoles'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new AssignRolesResponse(); }
}

export class AssignRolesResponse
{
    public allRoles!: string[];
    public allPermissions!: string[];
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<AssignRolesResponse>) { (Object as any).assign(this, init); }
}

export class AuditEvent
{
    public at!: string;
    public event!: string;
    public user?: string;
    public actor?: string;
    public client!: string;
    public details?: string;

    public constructor(init?: Partial<AuditEvent>) { (Object as any).assign(this, init); }
}

export class AuthProvider
{
    public name!: string;
    public displayName!: string;
    public url!: string;

    public constructor(init?: Partial<AuthProvider>) { (Object as any).assign(this, init); }
}

// @Route("/auth", "GET,POST")
// @Route("/auth/{provider}", "POST")
export class Authenticate implements IReturn<AuthenticateResponse>, IPost
{
    public provider?: string;
    public userName?: string;
    public password?: string;
    public rememberMe?: boolean;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<Authenticate>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'Authenticate'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new AuthenticateResponse(); }
}

export class AuthenticateResponse
{
    public userId!: string;
    public sessionId!: string;
    public userName!: string;
    public displayName!: string;
    public bearerToken?: string;
    public refreshToken?: string;
    public refreshTokenExpiry?: string;
    public roles!: string[];
    public permissions!: string[];
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<AuthenticateResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/me/passkeys/options", "POST")
export class BeginPasskeyRegistration implements IReturn<PasskeyOptionsResponse>, IPost
{
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<BeginPasskeyRegistration>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'BeginPasskeyRegistration'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new PasskeyOptionsResponse(); }
}

// @Route("/auth/passkey/options", "POST")
export class BeginPasskeySignIn implements IReturn<PasskeyOptionsResponse>, IPost
{
    public constructor(init?: Partial<BeginPasskeySignIn>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'BeginPasskeySignIn'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new PasskeyOptionsResponse(); }
}

// @Route("/user/me/email", "PUT")
export class ChangeEmail implements IReturn<StatusResponse>, IPut
{
    public new_email?: string;
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<ChangeEmail>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ChangeEmail'; }
    public getMethod() { return 'PUT'; }
    public createResponse() { return new StatusResponse(); }
}

// @Route("/user/me/password", "PUT")
export class ChangePassword implements IReturn<TokenResponse>, IPut
{
    public current_password?: string;
    public new_password?: string;
    public code?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<ChangePassword>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ChangePassword'; }
    public getMethod() { return 'PUT'; }
    public createResponse() { return new TokenResponse(); }
}

// @Route("/auth/external/complete", "POST")
export class CompleteExternalSignIn implements IReturn<ExternalSignInResponse>, IPost
{
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<CompleteExternalSignIn>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'CompleteExternalSignIn'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new ExternalSignInResponse(); }
}

// @Route("/auth/confirm-email-change", "POST")
export class ConfirmEmailChange implements IReturn<User>, IPost
{
    public token?: string;

    public constructor(init?: Partial<ConfirmEmailChange>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ConfirmEmailChange'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new User(); }
}

// @Route("/user/me/mfa/totp/confirm", "POST")
export class ConfirmTotp implements IReturn<RecoveryCodesResponse>, IPost
{
    public code?: string;

    public constructor(init?: Partial<ConfirmTotp>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ConfirmTotp'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new RecoveryCodesResponse(); }
}

// @Route("/apikeys", "POST")
export class CreateApiKey implements IReturn<CreateApiKeyResponse>, IPost
{
    public name?: string;
    public scopes?: string[];
    public expiresInDays?: number;
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<CreateApiKey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'CreateApiKey'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new CreateApiKeyResponse(); }
}

export class CreateApiKeyResponse extends ApiKey
{
    public key!: string;

    public constructor(init?: Partial<CreateApiKeyResponse>) { super(init); (Object as any).assign(this, init); }
}

// @Route("/user", "POST")
export class CreateUser implements IReturn<TokenResponse>, IPost
{
    public email?: string;
    public username?: string;
    public password?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<CreateUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'CreateUser'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new TokenResponse(); }
}

// @Route("/apikeys/{id}", "DELETE")
export class DeleteApiKey implements IReturnVoid, IDelete
{
    public id?: string;

    public constructor(init?: Partial<DeleteApiKey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteApiKey'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me", "DELETE")
export class DeleteCurrentUser implements IReturnVoid, IDelete
{
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<DeleteCurrentUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteCurrentUser'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me/identities/{provider}", "DELETE")
export class DeleteExternalIdentity implements IReturnVoid, IDelete
{
    public provider?: string;

    public constructor(init?: Partial<DeleteExternalIdentity>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteExternalIdentity'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me/passkeys/{id}", "DELETE")
export class DeletePasskey implements IReturnVoid, IDelete
{
    public id?: string;
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<DeletePasskey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeletePasskey'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/roles/{name}", "DELETE")
export class DeleteRole implements IReturnVoid, IDelete
{
    public name?: string;

    public constructor(init?: Partial<DeleteRole>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteRole'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/{public_id}", "DELETE")
export class DeleteUser implements IReturnVoid, IDelete
{
    public public_id?: string;

    public constructor(init?: Partial<DeleteUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteUser'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/{public_id}/apikeys/{id}", "DELETE")
export class DeleteUserApiKey implements IReturnVoid, IDelete
{
    public public_id?: string;
    public id?: string;

    public constructor(init?: Partial<DeleteUserApiKey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteUserApiKey'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me/mfa/totp", "DELETE")
export class DisableTotp implements IReturnVoid, IDelete
{
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<DisableTotp>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DisableTotp'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me/sessions/{session_id}", "DELETE")
export class EndSession implements IReturnVoid, IDelete
{
    public session_id?: string;

    public constructor(init?: Partial<EndSession>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'EndSession'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/{public_id}/sessions/{session_id}", "DELETE")
export class EndUserSession implements IReturnVoid, IDelete
{
    public public_id?: string;
    public session_id?: string;

    public constructor(init?: Partial<EndUserSession>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'EndUserSession'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/user/me/mfa/totp", "POST")
export class EnrollTotp implements IReturn<TotpEnrollmentResponse>, IPost
{
    public password?: string;

    public constructor(init?: Partial<EnrollTotp>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'EnrollTotp'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new TotpEnrollmentResponse(); }
}

export class ExternalIdentity
{
    public provider!: string;
    public displayName!: string;
    public email?: string;
    public linkedDate!: string;
    public lastUsedDate?: string;

    public constructor(init?: Partial<ExternalIdentity>) { (Object as any).assign(this, init); }
}

export class StatusResponse
{
    public status!: string;
    public message!: string;
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<StatusResponse>) { (Object as any).assign(this, init); }
}

export class TokenResponse extends StatusResponse
{
    public Authorization?: string;
    public refreshToken?: string;
    public refreshTokenExpiry?: string;

    public constructor(init?: Partial<TokenResponse>) { super(init); (Object as any).assign(this, init); }
}

export class LoginResponse extends TokenResponse
{
    public mfa_token?: string;

    public constructor(init?: Partial<LoginResponse>) { super(init); (Object as any).assign(this, init); }
}

export class ExternalSignInResponse extends LoginResponse
{
    public continue!: string;
    public linked!: boolean;

    public constructor(init?: Partial<ExternalSignInResponse>) { super(init); (Object as any).assign(this, init); }
}

// @Route("/auth/forgot-password", "POST")
export class ForgotPassword implements IReturn<StatusResponse>, IPost
{
    public email?: string;

    public constructor(init?: Partial<ForgotPassword>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ForgotPassword'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

// @Route("/access-token", "POST")
export class GetAccessToken implements IReturn<GetAccessTokenResponse>, IPost
{
    public refreshToken?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<GetAccessToken>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetAccessToken'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new GetAccessTokenResponse(); }
}

export class GetAccessTokenResponse
{
    public accessToken!: string;
    public refreshToken!: string;
    public refreshTokenExpiry!: string;
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<GetAccessTokenResponse>) { (Object as any).assign(this, init); }
}

// @Route("/apikeys", "GET")
export class GetApiKeys implements IReturn<GetApiKeysResponse>, IGet
{
    public constructor(init?: Partial<GetApiKeys>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetApiKeys'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetApiKeysResponse(); }
}

export class GetApiKeysResponse
{
    public results!: ApiKey[];

    public constructor(init?: Partial<GetApiKeysResponse>) { (Object as any).assign(this, init); }
}

// @Route("/audit", "GET")
export class GetAuditEvents implements IReturn<GetAuditEventsResponse>, IGet
{
    public user?: string;
    public actor?: string;
    public event?: string;
    public from?: string;
    public to?: string;
    public page?: number;
    public per_page?: number;

    public constructor(init?: Partial<GetAuditEvents>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetAuditEvents'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetAuditEventsResponse(); }
}

export class GetAuditEventsResponse
{
    public results!: AuditEvent[];
    public page!: number;
    public per_page!: number;
    public total!: number;

    public constructor(init?: Partial<GetAuditEventsResponse>) { (Object as any).assign(this, init); }
}

// @Route("/auth/providers", "GET")
export class GetAuthProviders implements IReturn<GetAuthProvidersResponse>, IGet
{
    public constructor(init?: Partial<GetAuthProviders>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetAuthProviders'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetAuthProvidersResponse(); }
}

export class GetAuthProvidersResponse
{
    public results!: AuthProvider[];

    public constructor(init?: Partial<GetAuthProvidersResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/me", "GET")
export class GetCurrentUser implements IReturn<User>, IGet
{
    public constructor(init?: Partial<GetCurrentUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetCurrentUser'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new User(); }
}

// @Route("/user/me/identities", "GET")
export class GetExternalIdentities implements IReturn<GetExternalIdentitiesResponse>, IGet
{
    public constructor(init?: Partial<GetExternalIdentities>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetExternalIdentities'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetExternalIdentitiesResponse(); }
}

export class GetExternalIdentitiesResponse
{
    public results!: ExternalIdentity[];

    public constructor(init?: Partial<GetExternalIdentitiesResponse>) { (Object as any).assign(this, init); }
}

// @Route("/.well-known/jwks.json", "GET")
export class GetJsonWebKeySet implements IReturn<JsonWebKeySet>, IGet
{
    public constructor(init?: Partial<GetJsonWebKeySet>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetJsonWebKeySet'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new JsonWebKeySet(); }
}

// @Route("/.well-known/openid-configuration", "GET")
export class GetOpenIdConfiguration implements IReturn<OpenIdConfiguration>, IGet
{
    public constructor(init?: Partial<GetOpenIdConfiguration>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetOpenIdConfiguration'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new OpenIdConfiguration(); }
}

// @Route("/user/me/passkeys", "GET")
export class GetPasskeys implements IReturn<GetPasskeysResponse>, IGet
{
    public constructor(init?: Partial<GetPasskeys>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetPasskeys'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetPasskeysResponse(); }
}

export class GetPasskeysResponse
{
    public data!: Passkey[];

    public constructor(init?: Partial<GetPasskeysResponse>) { (Object as any).assign(this, init); }
}

// @Route("/roles", "GET")
export class GetRoles implements IReturn<GetRolesResponse>, IGet
{
    public constructor(init?: Partial<GetRoles>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetRoles'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetRolesResponse(); }
}

export class GetRolesResponse
{
    public results!: Role[];
    public permissions!: string[];

    public constructor(init?: Partial<GetRolesResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/me/sessions", "GET")
export class GetSessions implements IReturn<GetSessionsResponse>, IGet
{
    public constructor(init?: Partial<GetSessions>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetSessions'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetSessionsResponse(); }
}

export class GetSessionsResponse
{
    public data!: SessionInfo[];

    public constructor(init?: Partial<GetSessionsResponse>) { (Object as any).assign(this, init); }
}

// @Route("/signing-keys", "GET")
export class GetSigningKeys implements IReturn<GetSigningKeysResponse>, IGet
{
    public constructor(init?: Partial<GetSigningKeys>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetSigningKeys'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetSigningKeysResponse(); }
}

export class GetSigningKeysResponse
{
    public results!: SigningKey[];

    public constructor(init?: Partial<GetSigningKeysResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/{public_id}", "GET")
export class GetUser implements IReturn<User>, IGet
{
    public public_id?: string;

    public constructor(init?: Partial<GetUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetUser'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new User(); }
}

// @Route("/user/{public_id}/apikeys", "GET")
export class GetUserApiKeys implements IReturn<GetApiKeysResponse>, IGet
{
    public public_id?: string;

    public constructor(init?: Partial<GetUserApiKeys>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetUserApiKeys'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetApiKeysResponse(); }
}

// @Route("/user/{public_id}/sessions", "GET")
export class GetUserSessions implements IReturn<GetSessionsResponse>, IGet
{
    public public_id?: string;

    public constructor(init?: Partial<GetUserSessions>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetUserSessions'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetSessionsResponse(); }
}

// @Route("/user", "GET")
export class GetUsers implements IReturn<GetUsersResponse>, IGet
{
    public page?: number;
    public per_page?: number;
    public search?: string;

    public constructor(init?: Partial<GetUsers>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetUsers'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new GetUsersResponse(); }
}

export class GetUsersResponse
{
    public data!: User[];
    public page!: number;
    public per_page!: number;
    public total!: number;

    public constructor(init?: Partial<GetUsersResponse>) { (Object as any).assign(this, init); }
}

export class JsonWebKey
{
    public kty!: string;
    public use!: string;
    public alg!: string;
    public kid!: string;
    public crv?: string;
    public x?: string;
    public y?: string;
    public n?: string;
    public e?: string;

    public constructor(init?: Partial<JsonWebKey>) { (Object as any).assign(this, init); }
}

export class JsonWebKeySet
{
    public keys!: JsonWebKey[];

    public constructor(init?: Partial<JsonWebKeySet>) { (Object as any).assign(this, init); }
}

// @Route("/user/{public_id}/lock", "POST")
export class LockUser implements IReturn<User>, IPost
{
    public public_id?: string;

    public constructor(init?: Partial<LockUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'LockUser'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new User(); }
}

// @Route("/auth/login", "POST")
export class Login implements IReturn<LoginResponse>, IPost
{
    public email?: string;
    public password?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<Login>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'Login'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new LoginResponse(); }
}

// @Route("/auth/login/mfa", "POST")
export class LoginMfa implements IReturn<TokenResponse>, IPost
{
    public mfa_token?: string;
    public code?: string;
    public recovery_code?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<LoginMfa>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'LoginMfa'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new TokenResponse(); }
}

// @Route("/auth/logout", "POST")
export class Logout implements IReturn<StatusResponse>, IPost
{
    public constructor(init?: Partial<Logout>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'Logout'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

// @Route("/auth/logout-all", "POST")
export class LogoutAll implements IReturn<StatusResponse>, IPost
{
    public constructor(init?: Partial<LogoutAll>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'LogoutAll'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

// @Route("/auth/logout-others", "POST")
export class LogoutOthers implements IReturn<StatusResponse>, IPost
{
    public constructor(init?: Partial<LogoutOthers>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'LogoutOthers'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

export class OpenIdConfiguration
{
    public issuer!: string;
    public jwks_uri!: string;

    public constructor(init?: Partial<OpenIdConfiguration>) { (Object as any).assign(this, init); }
}

export class Passkey
{
    public id!: string;
    public name!: string;
    public created_on!: string;
    public last_used_on?: string;
    public transports?: string[];

    public constructor(init?: Partial<Passkey>) { (Object as any).assign(this, init); }
}

export class PasskeyOptionsResponse
{
    public ceremony_id!: string;
    public options!: string;

    public constructor(init?: Partial<PasskeyOptionsResponse>) { (Object as any).assign(this, init); }
}

// @Route("/auth/passkey", "POST")
export class PasskeySignIn implements IReturn<TokenResponse>, IPost
{
    public ceremony_id?: string;
    public credential?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<PasskeySignIn>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'PasskeySignIn'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new TokenResponse(); }
}

export class RecoveryCodesResponse
{
    public recovery_codes!: string[];

    public constructor(init?: Partial<RecoveryCodesResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/me/mfa/recovery-codes", "POST")
export class RegenerateRecoveryCodes implements IReturn<RecoveryCodesResponse>, IPost
{
    public password?: string;
    public code?: string;

    public constructor(init?: Partial<RegenerateRecoveryCodes>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'RegenerateRecoveryCodes'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new RecoveryCodesResponse(); }
}

// @Route("/user/me/passkeys/{id}", "PUT")
export class RenamePasskey implements IReturn<Passkey>, IPut
{
    public id?: string;
    public name?: string;

    public constructor(init?: Partial<RenamePasskey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'RenamePasskey'; }
    public getMethod() { return 'PUT'; }
    public createResponse() { return new Passkey(); }
}

// @Route("/auth/verify-email/resend", "POST")
export class ResendVerificationEmail implements IReturn<StatusResponse>, IPost
{
    public email?: string;

    public constructor(init?: Partial<ResendVerificationEmail>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ResendVerificationEmail'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

// @Route("/auth/reset-password", "POST")
export class ResetPassword implements IReturn<LoginResponse>, IPost
{
    public token?: string;
    public new_password?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<ResetPassword>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ResetPassword'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new LoginResponse(); }
}

// @Route("/user/{public_id}/mfa", "DELETE")
export class ResetUserMfa implements IReturnVoid, IDelete
{
    public public_id?: string;

    public constructor(init?: Partial<ResetUserMfa>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'ResetUserMfa'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

// @Route("/signing-keys/{kid}", "DELETE")
export class RevokeSigningKey implements IReturn<SigningKey>, IDelete
{
    public kid?: string;

    public constructor(init?: Partial<RevokeSigningKey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'RevokeSigningKey'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() { return new SigningKey(); }
}

export class Role
{
    public name!: string;
    public permissions!: string[];
    public builtIn!: boolean;

    public constructor(init?: Partial<Role>) { (Object as any).assign(this, init); }
}

// @Route("/signing-keys/rotate", "POST")
export class RotateSigningKey implements IReturn<SigningKey>, IPost
{
    public activateNow?: boolean;

    public constructor(init?: Partial<RotateSigningKey>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'RotateSigningKey'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new SigningKey(); }
}

// @Route("/roles/{name}", "PUT")
export class SaveRole implements IReturn<Role>, IPut
{
    public name?: string;
    public permissions?: string[];

    public constructor(init?: Partial<SaveRole>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'SaveRole'; }
    public getMethod() { return 'PUT'; }
    public createResponse() { return new Role(); }
}

export class SessionInfo
{
    public session_id!: string;
    public created_on!: string;
    public last_used_on!: string;
    public ip?: string;
    public user_agent?: string;
    public current!: boolean;

    public constructor(init?: Partial<SessionInfo>) { (Object as any).assign(this, init); }
}

// @Route("/user/{public_id}/admin", "PUT")
export class SetUserAdmin implements IReturn<User>, IPut
{
    public public_id?: string;
    public admin?: boolean;

    public constructor(init?: Partial<SetUserAdmin>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'SetUserAdmin'; }
    public getMethod() { return 'PUT'; }
    public createResponse() { return new User(); }
}

export class SigningKey
{
    public kid!: string;
    public algorithm!: string;
    public state!: string;
    public createdOn!: string;
    public activatesOn!: string;
    public revokedOn?: string;

    public constructor(init?: Partial<SigningKey>) { (Object as any).assign(this, init); }
}

export class TotpEnrollmentResponse
{
    public secret!: string;
    public otpauth_uri!: string;
    public qr_code!: string;

    public constructor(init?: Partial<TotpEnrollmentResponse>) { (Object as any).assign(this, init); }
}

// @Route("/unassignroles", "POST")
export class UnAssignRoles implements IReturn<UnAssignRolesResponse>, IPost
{
    public userName?: string;
    public permissions?: string[];
    public roles?: string[];

    public constructor(init?: Partial<UnAssignRoles>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'UnAssignRoles'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new UnAssignRolesResponse(); }
}

export class UnAssignRolesResponse
{
    public allRoles!: string[];
    public allPermissions!: string[];
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<UnAssignRolesResponse>) { (Object as any).assign(this, init); }
}

// @Route("/user/{public_id}/unlock", "POST")
export class UnlockUser implements IReturn<User>, IPost
{
    public public_id?: string;

    public constructor(init?: Partial<UnlockUser>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'UnlockUser'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new User(); }
}

export class User
{
    public public_id!: string;
    public email!: string;
    public username!: string;
    public admin!: boolean;
    public registered_on!: string;
    public email_verified!: boolean;
    public mfa_enabled!: boolean;
    public roles!: string[];
    public permissions!: string[];
    public locked?: boolean;

    public constructor(init?: Partial<User>) { (Object as any).assign(this, init); }
}

// @Route("/auth/verify-email", "POST")
export class VerifyEmail implements IReturn<StatusResponse>, IPost
{
    public token?: string;

    public constructor(init?: Partial<VerifyEmail>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'VerifyEmail'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new StatusResponse(); }
}

