using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.NativeTypes;

/// <summary>GET /types, GET /types/metadata, and the 400 for a bad option.</summary>
public class MetadataTypesTests : ApiFixture
{
    private async Task<JsonNode> MetadataAsync(string query = "")
    {
        var response = await Api.GetAsync("/types/metadata" + query);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Body;
    }

    private static JsonNode Operation(JsonNode metadata, string name) =>
        metadata["operations"]!.AsArray().Single(o => o!["request"]!["name"]!.GetValue<string>() == name)!;

    private static JsonNode Type(JsonNode metadata, string name) =>
        metadata["types"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!;

    [Test]
    public async Task Types_links_each_language_by_absolute_url()
    {
        var links = (await Api.GetAsync("/types")).Body;

        Assert.That(links["metadata"]!.GetValue<string>(), Is.EqualTo("http://localhost/types/metadata"));
        Assert.That(links["typescript"]!.GetValue<string>(), Is.EqualTo("http://localhost/types/typescript"));
        Assert.That(links["csharp"]!.GetValue<string>(), Is.EqualTo("http://localhost/types/csharp"));
    }

    [Test]
    public async Task Metadata_lists_every_operation()
    {
        var metadata = await MetadataAsync();

        Assert.That(metadata["operations"]!.AsArray().Select(o => o!["request"]!["name"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "CreateUser", "GetUsers", "GetUser", "GetCurrentUser", "Login", "Logout", "GetAccessToken", "Authenticate",
                "LogoutAll", "ChangePassword", "DeleteCurrentUser", "SetUserAdmin", "LockUser", "UnlockUser", "DeleteUser",
                "VerifyEmail", "ResendVerificationEmail", "ForgotPassword", "ResetPassword", "ChangeEmail", "ConfirmEmailChange",
                "GetSessions", "EndSession", "LogoutOthers", "GetUserSessions", "EndUserSession",
                "LoginMfa", "EnrollTotp", "ConfirmTotp", "DisableTotp", "RegenerateRecoveryCodes", "ResetUserMfa",
                "BeginPasskeyRegistration", "AddPasskey", "GetPasskeys", "RenamePasskey", "DeletePasskey", "BeginPasskeySignIn", "PasskeySignIn",
                "GetJsonWebKeySet", "GetOpenIdConfiguration", "GetSigningKeys", "RotateSigningKey", "RevokeSigningKey",
                "GetRoles", "SaveRole", "DeleteRole", "AssignRoles", "UnAssignRoles", "GetAuditEvents",
                "CreateApiKey", "GetApiKeys", "DeleteApiKey", "GetUserApiKeys", "DeleteUserApiKey",
                "GetAuthProviders", "CompleteExternalSignIn", "GetExternalIdentities", "DeleteExternalIdentity" }));
        Assert.That(metadata["config"]!["baseUrl"]!.GetValue<string>(), Is.EqualTo("http://localhost"));
        Assert.That(metadata["namespaces"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain("Boilerplate.ServiceModel.Types"));
    }

    [TestCase("CreateUser", "/user", "POST", "TokenResponse", false, new string[0], new string[0])]
    [TestCase("GetUsers", "/user", "GET", "GetUsersResponse", true, new string[0], new[] { "users.read" })]
    [TestCase("GetUser", "/user/{public_id}", "GET", "User", true, new string[0], new string[0])]
    [TestCase("GetCurrentUser", "/user/me", "GET", "User", true, new string[0], new string[0])]
    [TestCase("Login", "/auth/login", "POST", "LoginResponse", false, new string[0], new string[0])]
    [TestCase("LoginMfa", "/auth/login/mfa", "POST", "TokenResponse", false, new string[0], new string[0])]
    [TestCase("EnrollTotp", "/user/me/mfa/totp", "POST", "TotpEnrollmentResponse", true, new string[0], new string[0])]
    [TestCase("Logout", "/auth/logout", "POST", "StatusResponse", true, new string[0], new string[0])]
    [TestCase("GetAccessToken", "/access-token", "POST", "GetAccessTokenResponse", false, new string[0], new string[0])]
    [TestCase("VerifyEmail", "/auth/verify-email", "POST", "StatusResponse", false, new string[0], new string[0])]
    [TestCase("ResetPassword", "/auth/reset-password", "POST", "LoginResponse", false, new string[0], new string[0])]
    [TestCase("ChangeEmail", "/user/me/email", "PUT", "StatusResponse", true, new string[0], new string[0])]
    [TestCase("ConfirmEmailChange", "/auth/confirm-email-change", "POST", "User", false, new string[0], new string[0])]
    [TestCase("GetSigningKeys", "/signing-keys", "GET", "GetSigningKeysResponse", true, new[] { "Admin" }, new string[0])]
    [TestCase("AssignRoles", "/assignroles", "POST", "AssignRolesResponse", true, new string[0], new[] { "roles.manage" })]
    [TestCase("GetSessions", "/user/me/sessions", "GET", "GetSessionsResponse", true, new string[0], new string[0])]
    [TestCase("GetUserSessions", "/user/{public_id}/sessions", "GET", "GetSessionsResponse", true, new string[0], new[] { "users.read" })]
    public async Task Each_operation_gives_its_route_verb_response_and_guard(string name, string path, string verb, string response, bool requiresAuth, string[] roles, string[] permissions)
    {
        var operation = Operation(await MetadataAsync(), name);

        Assert.That(operation["method"]!.GetValue<string>(), Is.EqualTo(verb));
        Assert.That(operation["routes"]!.ToJsonString(), Is.EqualTo($$"""[{"path":"{{path}}","verbs":"{{verb}}"}]"""));
        Assert.That(operation["response"]!["name"]!.GetValue<string>(), Is.EqualTo(response));
        Assert.That(operation["requiresAuth"]!.GetValue<bool>(), Is.EqualTo(requiresAuth));
        Assert.That(operation["requiredRoles"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], Is.EqualTo(roles));
        Assert.That(operation["requiredPermissions"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], Is.EqualTo(permissions));
    }

    [Test]
    public async Task Types_give_each_property_its_wire_name_type_and_nullability()
    {
        var metadata = await MetadataAsync();
        var user = Type(metadata, "User");
        var publicId = user["properties"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "PublicId")!;

        Assert.That(publicId["wireName"]!.GetValue<string>(), Is.EqualTo("public_id"));
        Assert.That(publicId["type"]!.GetValue<string>(), Is.EqualTo("String"));
        Assert.That(publicId["isNullable"], Is.Null, "a non-nullable string is always sent");
        Assert.That(Type(metadata, "TokenResponse")["inherits"]!["name"]!.GetValue<string>(), Is.EqualTo("StatusResponse"));
        Assert.That(Type(metadata, "StatusResponse")["properties"]!.AsArray().Select(p => p!["wireName"]!.GetValue<string>()),
            Is.EqualTo(new[] { "status", "message", "responseStatus" }));
        Assert.That(Type(metadata, "ResponseStatus"), Is.Not.Null);

        var perPage = Operation(metadata, "GetUsers")["request"]!["properties"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "PerPage")!;
        Assert.That(perPage["wireName"]!.GetValue<string>(), Is.EqualTo("per_page"));
        Assert.That(perPage["isNullable"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task IncludeTypes_narrows_the_metadata_too()
    {
        var metadata = await MetadataAsync("?IncludeTypes=Login.*");

        Assert.That(metadata["operations"]!.AsArray().Select(o => o!["request"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Login" }));
        Assert.That(metadata["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "LoginResponse", "TokenResponse", "StatusResponse", "ResponseStatus", "ResponseError" }), "the response and what it inherits");
    }

    [TestCase("/types/csharp?MakePartial=maybe", "MakePartial")]
    [TestCase("/types/typescript?AddServiceStackTypes=sometimes", "AddServiceStackTypes")]
    [TestCase("/types/typescript?addimplicitversion=two", "AddImplicitVersion")]
    public async Task A_bad_option_value_is_400_naming_the_option(string url, string option)
    {
        var response = await Api.GetAsync(url);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("InvalidValue"));
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo(option));
    }
}
