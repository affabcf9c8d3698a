/* Options:
Date: 2026-12-07 18:32:58
Version: 10.15
Tip: To override a DTO option, remove "//" prefix before updating
BaseUrl: http://localhost:5000

//GlobalNamespace: 
//MakePartial: True
//MakeVirtual: True
//MakeInternal: False
//MakeDataContractsExtensible: False
//AddNullableAnnotations: False
//AddReturnMarker: True
//AddDescriptionAsComments: True
//AddDataContractAttributes: False
//AddIndexesToDataMembers: False
//AddGeneratedCodeAttributes: False
//AddResponseStatus: False
//AddImplicitVersion: 
//InitializeCollections: False
//ExportValueTypes: False
//IncludeTypes: 
//ExcludeTypes: 
//AddNamespaces: 
//AddDefaultXmlNamespace: http://schemas.servicestack.net/types
*/

using System;
using System.IO;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.Serialization;
using ServiceStack;
using ServiceStack.DataAnnotations;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;

namespace Boilerplate.ServiceModel
{
    [Route("/user/me/passkeys", "POST")]
    [DataContract]
    public partial class AddPasskey : IReturn<Passkey>, IPost
    {
        [DataMember(Name="ceremony_id")]
        public virtual string CeremonyId { get; set; }
        [DataMember]
        public virtual string Credential { get; set; }
        [DataMember]
        public virtual string Name { get; set; }
    }

    [Route("/assignroles", "POST")]
    public partial class AssignRoles : IReturn<AssignRolesResponse>, IPost
    {
        public virtual string UserName { get; set; }
        public virtual List<string> Permissions { get; set; }
        public virtual List<string> Roles { get; set; }
    }

    public partial class AssignRolesResponse
    {
        public virtual List<string> AllRoles { get; set; }
        public virtual List<string> AllPermissions { get; set; }
        public virtual ResponseStatus ResponseStatus { get; set; }
    }

    public partial class AuthProvider
    {
        public virtual string Name { get; set; }
        public virtual string DisplayName { get; set; }
        public virtual string Url { get; set; }
    }

    [Route("/auth", "GET,POST")]
    [Route("/auth/{provider}", "POST")]
    public partial class Authenticate : IReturn<AuthenticateResponse>, IPost
    {
        public virtual string Provider { get; set; }
        public virtual string UserName { get; set; }
        public virtual string Password { get; set; }
        public virtual bool? RememberMe { get; set; }
        public virtual bool? UseTokenCookie { get; set; }
    }

    public partial class AuthenticateResponse
    {
        public virtual string UserId { get; set; }
        public virtual string SessionId { get; set; }
        public virtual string UserName { get; set; }
        public virtual string DisplayName { get; set; }
        public virtual string BearerToken { get; set; }
        public virtual string RefreshToken { get; set; }
        public virtual DateTime? RefreshTokenExpiry { get; set; }
        public virtual List<string> Roles { get; set; }
        public virtual List<string> Permissions { get; set; }
        public virtual ResponseStatus ResponseStatus { get; set; }
    }

    [Route("/user/me/passkeys/options", "POST")]
    public partial class BeginPasskeyRegistration : IReturn<PasskeyOptionsResponse>, IPost
    {
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/auth/passkey/options", "POST")]
    public partial class BeginPasskeySignIn : IReturn<PasskeyOptionsResponse>, IPost
    {
    }

    [Route("/user/me/email", "PUT")]
    [DataContract]
    public partial class ChangeEmail : IReturn<StatusResponse>, IPut
    {
        [DataMember(Name="new_email")]
        public virtual string NewEmail { get; set; }
        [DataMember]
        public virtual string Password { get; set; }
        [DataMember]
        public virtual string Code { get; set; }
    }

    [Route("/user/me/password", "PUT")]
    [DataContract]
    public partial class ChangePassword : IReturn<TokenResponse>, IPut
    {
        [DataMember(Name="current_password")]
        public virtual string CurrentPassword { get; set; }
        [DataMember(Name="new_password")]
        public virtual string NewPassword { get; set; }
        [DataMember]
        public virtual string Code { get; set; }
        [DataMember]
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/auth/external/complete", "POST")]
    public partial class CompleteExternalSignIn : IReturn<ExternalSignInResponse>, IPost
    {
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/auth/confirm-email-change", "POST")]
    public partial class ConfirmEmailChange : IReturn<User>, IPost
    {
        public virtual string Token { get; set; }
    }

    [Route("/user/me/mfa/totp/confirm", "POST")]
    public partial class ConfirmTotp : IReturn<RecoveryCodesResponse>, IPost
    {
        public virtual string Code { get; set; }
    }

    [Route("/apikeys", "POST")]
    public partial class CreateApiKey : IReturn<CreateApiKeyResponse>, IPost
    {
        public virtual string Name { get; set; }
        public virtual List<string> Scopes { get; set; }
        public virtual int? ExpiresInDays { get; set; }
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/user", "POST")]
    public partial class CreateUser : IReturn<TokenResponse>, IPost
    {
        public virtual string Email { get; set; }
        public virtual string Username { get; set; }
        public virtual string Password { get; set; }
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/apikeys/{id}", "DELETE")]
    public partial class DeleteApiKey : IReturnVoid, IDelete
    {
        public virtual string Id { get; set; }
    }

    [Route("/user/me", "DELETE")]
    public partial class DeleteCurrentUser : IReturnVoid, IDelete
    {
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/user/me/identities/{provider}", "DELETE")]
    public partial class DeleteExternalIdentity : IReturnVoid, IDelete
    {
        public virtual string Provider { get; set; }
    }

    [Route("/user/me/passkeys/{id}", "DELETE")]
    public partial class DeletePasskey : IReturnVoid, IDelete
    {
        public virtual string Id { get; set; }
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/roles/{name}", "DELETE")]
    public partial class DeleteRole : IReturnVoid, IDelete
    {
        public virtual string Name { get; set; }
    }

    [Route("/user/{public_id}", "DELETE")]
    [DataContract]
    public partial class DeleteUser : IReturnVoid, IDelete
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/user/{public_id}/apikeys/{id}", "DELETE")]
    [DataContract]
    public partial class DeleteUserApiKey : IReturnVoid, IDelete
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
        [DataMember]
        public virtual string Id { get; set; }
    }

    [Route("/user/me/mfa/totp", "DELETE")]
    public partial class DisableTotp : IReturnVoid, IDelete
    {
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/user/me/sessions/{session_id}", "DELETE")]
    [DataContract]
    public partial class EndSession : IReturnVoid, IDelete
    {
        [DataMember(Name="session_id")]
        public virtual string SessionId { get; set; }
    }

    [Route("/user/{public_id}/sessions/{session_id}", "DELETE")]
    [DataContract]
    public partial class EndUserSession : IReturnVoid, IDelete
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
        [DataMember(Name="session_id")]
        public virtual string SessionId { get; set; }
    }

    [Route("/user/me/mfa/totp", "POST")]
    public partial class EnrollTotp : IReturn<TotpEnrollmentResponse>, IPost
    {
        public virtual string Password { get; set; }
    }

    public partial class ExternalIdentity
    {
        public virtual string Provider { get; set; }
        public virtual string DisplayName { get; set; }
        public virtual string Email { get; set; }
        public virtual DateTime LinkedDate { get; set; }
        public virtual DateTime? LastUsedDate { get; set; }
    }

    public partial class ExternalSignInResponse : LoginResponse
    {
        public virtual string Continue { get; set; }
        public virtual bool Linked { get; set; }
    }

    [Route("/auth/forgot-password", "POST")]
    public partial class ForgotPassword : IReturn<StatusResponse>, IPost
    {
        public virtual string Email { get; set; }
    }

    [Route("/access-token", "POST")]
    public partial class GetAccessToken : IReturn<GetAccessTokenResponse>, IPost
    {
        public virtual string RefreshToken { get; set; }
        public virtual bool? UseTokenCookie { get; set; }
    }

    public partial class GetAccessTokenResponse
    {
        public virtual string AccessToken { get; set; }
        public virtual string RefreshToken { get; set; }
        public virtual DateTime RefreshTokenExpiry { get; set; }
        public virtual ResponseStatus ResponseStatus { get; set; }
    }

    [Route("/apikeys", "GET")]
    public partial class GetApiKeys : IReturn<GetApiKeysResponse>, IGet
    {
    }

    [Route("/audit", "GET")]
    [DataContract]
    public partial class GetAuditEvents : IReturn<GetAuditEventsResponse>, IGet
    {
        [DataMember]
        public virtual string User { get; set; }
        [DataMember]
        public virtual string Actor { get; set; }
        [DataMember]
        public virtual string Event { get; set; }
        [DataMember]
        public virtual DateTime? From { get; set; }
        [DataMember]
        public virtual DateTime? To { get; set; }
        [DataMember]
        public virtual int? Page { get; set; }
        [DataMember(Name="per_page")]
        public virtual int? PerPage { get; set; }
    }

    [DataContract]
    public partial class GetAuditEventsResponse
    {
        [DataMember]
        public virtual List<AuditEvent> Results { get; set; }
        [DataMember]
        public virtual int Page { get; set; }
        [DataMember(Name="per_page")]
        public virtual int PerPage { get; set; }
        [DataMember]
        public virtual int Total { get; set; }
    }

    [Route("/auth/providers", "GET")]
    public partial class GetAuthProviders : IReturn<GetAuthProvidersResponse>, IGet
    {
    }

    public partial class GetAuthProvidersResponse
    {
        public virtual List<AuthProvider> Results { get; set; }
    }

    [Route("/user/me", "GET")]
    public partial class GetCurrentUser : IReturn<User>, IGet
    {
    }

    [Route("/user/me/identities", "GET")]
    public partial class GetExternalIdentities : IReturn<GetExternalIdentitiesResponse>, IGet
    {
    }

    public partial class GetExternalIdentitiesResponse
    {
        public virtual List<ExternalIdentity> Results { get; set; }
    }

    [Route("/.well-known/jwks.json", "GET")]
    public partial class GetJsonWebKeySet : IReturn<JsonWebKeySet>, IGet
    {
    }

    [Route("/.well-known/openid-configuration", "GET")]
    public partial class GetOpenIdConfiguration : IReturn<OpenIdConfiguration>, IGet
    {
    }

    [Route("/user/me/passkeys", "GET")]
    public partial class GetPasskeys : IReturn<GetPasskeysResponse>, IGet
    {
    }

    [Route("/roles", "GET")]
    public partial class GetRoles : IReturn<GetRolesResponse>, IGet
    {
    }

    public partial class GetRolesResponse
    {
        public virtual List<Role> Results { get; set; }
        public virtual List<string> Permissions { get; set; }
    }

    [Route("/user/me/sessions", "GET")]
    public partial class GetSessions : IReturn<GetSessionsResponse>, IGet
    {
    }

    [Route("/signing-keys", "GET")]
    public partial class GetSigningKeys : IReturn<GetSigningKeysResponse>, IGet
    {
    }

    public partial class GetSigningKeysResponse
    {
        public virtual List<SigningKey> Results { get; set; }
    }

    [Route("/user/{public_id}", "GET")]
    [DataContract]
    public partial class GetUser : IReturn<User>, IGet
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/user/{public_id}/apikeys", "GET")]
    [DataContract]
    public partial class GetUserApiKeys : IReturn<GetApiKeysResponse>, IGet
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/user/{public_id}/sessions", "GET")]
    [DataContract]
    public partial class GetUserSessions : IReturn<GetSessionsResponse>, IGet
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/user", "GET")]
    [DataContract]
    public partial class GetUsers : IReturn<GetUsersResponse>, IGet
    {
        [DataMember]
        public virtual int? Page { get; set; }
        [DataMember(Name="per_page")]
        public virtual int? PerPage { get; set; }
        [DataMember]
        public virtual string Search { get; set; }
    }

    [DataContract]
    public partial class GetUsersResponse
    {
        [DataMember]
        public virtual List<User> Data { get; set; }
        [DataMember]
        public virtual int Page { get; set; }
        [DataMember(Name="per_page")]
        public virtual int PerPage { get; set; }
        [DataMember]
        public virtual int Total { get; set; }
    }

    public partial class JsonWebKeySet
    {
        public virtual List<JsonWebKey> Keys { get; set; }
    }

    [Route("/user/{public_id}/lock", "POST")]
    [DataContract]
    public partial class LockUser : IReturn<User>, IPost
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/auth/login", "POST")]
    public partial class Login : IReturn<LoginResponse>, IPost
    {
        public virtual string Email { get; set; }
        public virtual string Password { get; set; }
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/auth/login/mfa", "POST")]
    [DataContract]
    public partial class LoginMfa : IReturn<TokenResponse>, IPost
    {
        [DataMember(Name="mfa_token")]
        public virtual string MfaToken { get; set; }
        [DataMember]
        public virtual string Code { get; set; }
        [DataMember(Name="recovery_code")]
        public virtual string RecoveryCode { get; set; }
        [DataMember]
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/auth/logout", "POST")]
    public partial class Logout : IReturn<StatusResponse>, IPost
    {
    }

    [Route("/auth/logout-all", "POST")]
    public partial class LogoutAll : IReturn<StatusResponse>, IPost
    {
    }

    [Route("/auth/logout-others", "POST")]
    public partial class LogoutOthers : IReturn<StatusResponse>, IPost
    {
    }

    [DataContract]
    public partial class OpenIdConfiguration
    {
        [DataMember]
        public virtual string Issuer { get; set; }
        [DataMember(Name="jwks_uri")]
        public virtual string JwksUri { get; set; }
    }

    [Route("/auth/passkey", "POST")]
    [DataContract]
    public partial class PasskeySignIn : IReturn<TokenResponse>, IPost
    {
        [DataMember(Name="ceremony_id")]
        public virtual string CeremonyId { get; set; }
        [DataMember]
        public virtual string Credential { get; set; }
        [DataMember]
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/user/me/mfa/recovery-codes", "POST")]
    public partial class RegenerateRecoveryCodes : IReturn<RecoveryCodesResponse>, IPost
    {
        public virtual string Password { get; set; }
        public virtual string Code { get; set; }
    }

    [Route("/user/me/passkeys/{id}", "PUT")]
    public partial class RenamePasskey : IReturn<Passkey>, IPut
    {
        public virtual string Id { get; set; }
        public virtual string Name { get; set; }
    }

    [Route("/auth/verify-email/resend", "POST")]
    public partial class ResendVerificationEmail : IReturn<StatusResponse>, IPost
    {
        public virtual string Email { get; set; }
    }

    [Route("/auth/reset-password", "POST")]
    [DataContract]
    public partial class ResetPassword : IReturn<LoginResponse>, IPost
    {
        [DataMember]
        public virtual string Token { get; set; }
        [DataMember(Name="new_password")]
        public virtual string NewPassword { get; set; }
        [DataMember]
        public virtual bool? UseTokenCookie { get; set; }
    }

    [Route("/user/{public_id}/mfa", "DELETE")]
    [DataContract]
    public partial class ResetUserMfa : IReturnVoid, IDelete
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/signing-keys/{kid}", "DELETE")]
    public partial class RevokeSigningKey : IReturn<SigningKey>, IDelete
    {
        public virtual string Kid { get; set; }
    }

    [Route("/signing-keys/rotate", "POST")]
    public partial class RotateSigningKey : IReturn<SigningKey>, IPost
    {
        public virtual bool? ActivateNow { get; set; }
    }

    [Route("/roles/{name}", "PUT")]
    public partial class SaveRole : IReturn<Role>, IPut
    {
        public virtual string Name { get; set; }
        public virtual List<string> Permissions { get; set; }
    }

    [Route("/user/{public_id}/admin", "PUT")]
    [DataContract]
    public partial class SetUserAdmin : IReturn<User>, IPut
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
        [DataMember]
        public virtual bool? Admin { get; set; }
    }

    [Route("/unassignroles", "POST")]
    public partial class UnAssignRoles : IReturn<UnAssignRolesResponse>, IPost
    {
        public virtual string UserName { get; set; }
        public virtual List<string> Permissions { get; set; }
        public virtual List<string> Roles { get; set; }
    }

    public partial class UnAssignRolesResponse
    {
        public virtual List<string> AllRoles { get; set; }
        public virtual List<string> AllPermissions { get; set; }
        public virtual ResponseStatus ResponseStatus { get; set; }
    }

    [Route("/user/{public_id}/unlock", "POST")]
    [DataContract]
    public partial class UnlockUser : IReturn<User>, IPost
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
    }

    [Route("/auth/verify-email", "POST")]
    public partial class VerifyEmail : IReturn<StatusResponse>, IPost
    {
        public virtual string Token { get; set; }
    }
}

namespace Boilerplate.ServiceModel.Types
{
    public partial class ApiKey
    {
        public virtual string Id { get; set; }
        public virtual string Name { get; set; }
        public virtual string VisibleKey { get; set; }
        public virtual List<string> Scopes { get; set; }
        public virtual DateTime CreatedDate { get; set; }
        public virtual DateTime? ExpiryDate { get; set; }
        public virtual DateTime? LastUsedDate { get; set; }
    }

    public partial class AuditEvent
    {
        public virtual DateTime At { get; set; }
        public virtual string Event { get; set; }
        public virtual string User { get; set; }
        public virtual string Actor { get; set; }
        public virtual string Client { get; set; }
        public virtual string Details { get; set; }
    }

    public partial class CreateApiKeyResponse : ApiKey
    {
        public virtual string Key { get; set; }
    }

    public partial class GetApiKeysResponse
    {
        public virtual List<ApiKey> Results { get; set; }
    }

    public partial class GetPasskeysResponse
    {
        public virtual List<Passkey> Data { get; set; }
    }

    public partial class GetSessionsResponse
    {
        public virtual List<SessionInfo> Data { get; set; }
    }

    public partial class JsonWebKey
    {
        public virtual string Kty { get; set; }
        public virtual string Use { get; set; }
        public virtual string Alg { get; set; }
        public virtual string Kid { get; set; }
        public virtual string Crv { get; set; }
        public virtual string X { get; set; }
        public virtual string Y { get; set; }
        public virtual string N { get; set; }
        public virtual string E { get; set; }
    }

    [DataContract]
    public partial class LoginResponse : TokenResponse
    {
        [DataMember(Name="mfa_token")]
        public virtual string MfaToken { get; set; }
    }

    [DataContract]
    public partial class Passkey
    {
        [DataMember]
        public virtual string Id { get; set; }
        [DataMember]
        public virtual string Name { get; set; }
        [DataMember(Name="created_on")]
        public virtual DateTime CreatedOn { get; set; }
        [DataMember(Name="last_used_on")]
        public virtual DateTime? LastUsedOn { get; set; }
        [DataMember]
        public virtual List<string> Transports { get; set; }
    }

    [DataContract]
    public partial class PasskeyOptionsResponse
    {
        [DataMember(Name="ceremony_id")]
        public virtual string CeremonyId { get; set; }
        [DataMember]
        public virtual string Options { get; set; }
    }

    [DataContract]
    public partial class RecoveryCodesResponse
    {
        [DataMember(Name="recovery_codes")]
        public virtual List<string> RecoveryCodes { get; set; }
    }

    public partial class Role
    {
        public virtual string Name { get; set; }
        public virtual List<string> Permissions { get; set; }
        public virtual bool BuiltIn { get; set; }
    }

    [DataContract]
    public partial class SessionInfo
    {
        [DataMember(Name="session_id")]
        public virtual string SessionId { get; set; }
        [DataMember(Name="created_on")]
        public virtual DateTime CreatedOn { get; set; }
        [DataMember(Name="last_used_on")]
        public virtual DateTime LastUsedOn { get; set; }
        [DataMember]
        public virtual string Ip { get; set; }
        [DataMember(Name="user_agent")]
        public virtual string UserAgent { get; set; }
        [DataMember]
        public virtual bool Current { get; set; }
    }

    public partial class SigningKey
    {
        public virtual string Kid { get; set; }
        public virtual string Algorithm { get; set; }
        public virtual string State { get; set; }
        public virtual DateTime CreatedOn { get; set; }
        public virtual DateTime ActivatesOn { get; set; }
        public virtual DateTime? RevokedOn { get; set; }
    }

    [DataContract]
    public partial class StatusResponse
    {
        [DataMember]
        public virtual string Status { get; set; }
        [DataMember]
        public virtual string Message { get; set; }
        [DataMember]
        public virtual ResponseStatus ResponseStatus { get; set; }
    }

    [DataContract]
    public partial class TokenResponse : StatusResponse
    {
        [DataMember(Name="Authorization")]
        public virtual string Authorization { get; set; }
        [DataMember]
        public virtual string RefreshToken { get; set; }
        [DataMember]
        public virtual DateTime? RefreshTokenExpiry { get; set; }
    }

    [DataContract]
    public partial class TotpEnrollmentResponse
    {
        [DataMember]
        public virtual string Secret { get; set; }
        [DataMember(Name="otpauth_uri")]
        public virtual string OtpauthUri { get; set; }
        [DataMember(Name="qr_code")]
        public virtual string QrCode { get; set; }
    }

    [DataContract]
    public partial class User
    {
        [DataMember(Name="public_id")]
        public virtual string PublicId { get; set; }
        [DataMember]
        public virtual string Email { get; set; }
        [DataMember]
        public virtual string Username { get; set; }
        [DataMember]
        public virtual bool Admin { get; set; }
        [DataMember(Name="registered_on")]
        public virtual DateTime RegisteredOn { get; set; }
        [DataMember(Name="email_verified")]
        public virtual bool EmailVerified { get; set; }
        [DataMember(Name="mfa_enabled")]
        public virtual bool MfaEnabled { get; set; }
        [DataMember]
        public virtual List<string> Roles { get; set; }
        [DataMember]
        public virtual List<string> Permissions { get; set; }
        [DataMember]
        public virtual bool? Locked { get; set; }
    }
}
