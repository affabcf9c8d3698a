using System.Text;
using System.Text.Json.Nodes;
using Boilerplate.Tests.Support;
using Microsoft.OpenApi;

namespace Boilerplate.Tests.OpenApi;

/// <summary>GET /openapi/v1.json: the app's operations as OpenAPI 3.1.</summary>
public class OpenApiDocumentTests : ApiFixture
{
    // Authenticate has three routes (GET /auth, POST /auth, POST /auth/{provider}); ids must be unique.
    private static readonly string[] Operations =
    [
        "CreateUser", "GetUsers", "GetUser", "GetCurrentUser", "Login", "Logout", "GetAccessToken",
        "Authenticate", "Authenticate_2", "Authenticate_3", "LogoutAll", "ChangePassword", "DeleteCurrentUser",
        "SetUserAdmin", "LockUser", "UnlockUser", "DeleteUser",
        "VerifyEmail", "ResendVerificationEmail", "ForgotPassword", "ResetPassword", "ChangeEmail", "ConfirmEmailChange",
        "GetSessions", "EndSession", "LogoutOthers", "GetUserSessions", "EndUserSession",
        "LoginMfa", "EnrollTotp", "ConfirmTotp", "DisableTotp", "RegenerateRecoveryCodes", "ResetUserMfa",
        "BeginPasskeyRegistration", "AddPasskey", "GetPasskeys", "RenamePasskey", "DeletePasskey", "BeginPasskeySignIn", "PasskeySignIn",
        "GetJsonWebKeySet", "GetOpenIdConfiguration", "GetSigningKeys", "RotateSigningKey", "RevokeSigningKey",
        "GetRoles", "SaveRole", "DeleteRole", "AssignRoles", "UnAssignRoles", "GetAuditEvents",
        "CreateApiKey", "GetApiKeys", "DeleteApiKey", "GetUserApiKeys", "DeleteUserApiKey",
        "GetAuthProviders", "CompleteExternalSignIn", "GetExternalIdentities", "DeleteExternalIdentity",
    ];

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await Api.GetAsync("/openapi/v1.json");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Body;
    }

    private static JsonNode Operation(JsonNode document, string path, string verb) =>
        document["paths"]?[path]?[verb] ?? throw new KeyNotFoundException($"{verb} {path} is not in the document");

    private static IEnumerable<JsonNode> AllOperations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(verb => verb.Value!));

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    [Test]
    public async Task A_document_that_does_not_exist_is_a_404_with_the_error_shape()
    {
        var response = await Api.GetAsync("/openapi/v2.json");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotFound"));
    }

    [Test]
    public async Task The_document_loads_in_Microsoft_OpenApi_reader_without_errors_or_warnings()
    {
        var response = await Api.GetAsync("/openapi/v1.json");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(response.Text));

        var result = await OpenApiDocument.LoadAsync(stream, "json");

        Assert.That(result.Diagnostic!.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.Diagnostic.Warnings.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.Diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_1));
        Assert.That(result.Document!.Paths, Has.Count.EqualTo(52));
    }

    [Test]
    public async Task Every_operation_appears_once_named_after_its_request_DTO_with_its_summary()
    {
        var document = await DocumentAsync();

        Assert.That(document["openapi"]!.GetValue<string>(), Does.StartWith("3.1"));
        var operations = AllOperations(document).ToList();
        Assert.That(operations.Select(o => o["operationId"]!.GetValue<string>()), Is.EquivalentTo(Operations));
        Assert.That(operations.Select(o => o["summary"]?.GetValue<string>()), Has.All.Not.Empty);
        Assert.That(Operation(document, "/user", "post")["summary"]!.GetValue<string>(),
            Is.EqualTo("Registers a user and signs them in: 201 with a token, 409 when the email or username is taken."));
        Assert.That(Operation(document, "/auth/logout", "post")["description"]!.GetValue<string>(),
            Is.EqualTo("Without a token the seed answers 403, not 401."));
    }

    [TestCase("/user", "post", "user")]
    [TestCase("/user", "get", "user")]
    [TestCase("/user/{public_id}", "get", "user")]
    [TestCase("/user/me", "get", "user")]
    [TestCase("/auth/login", "post", "auth")]
    [TestCase("/auth/logout", "post", "auth")]
    public async Task Each_operation_is_tagged_as_in_the_seed(string path, string verb, string tag)
    {
        Assert.That(Strings(Operation(await DocumentAsync(), path, verb)["tags"]), Is.EqualTo(new[] { tag }));
    }

    [Test]
    public async Task The_tags_carry_the_seed_descriptions()
    {
        var tags = (await DocumentAsync())["tags"]!.AsArray();

        Assert.That(tags.Select(t => $"{t!["name"]}: {t["description"]}"),
            Is.EqualTo(new[] { "user: user related operations", "auth: authentication related operations", "keys: the keys that sign access tokens, for other services and for admins", "roles: roles, the permissions they grant, and who holds them", "apikeys: API keys: how scripts call the API as their user, within the key's scopes", "audit: the stored audit trail" }));
    }

    [Test]
    public async Task Exactly_the_guarded_operations_require_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        var byRequirement = AllOperations(document).ToLookup(o => o["security"]!.ToJsonString(), o => o["operationId"]!.GetValue<string>());
        Assert.That(byRequirement["""[{"Bearer":[]}]"""], Is.EquivalentTo(new[]
        {
            "GetUsers", "GetUser", "GetCurrentUser", "Logout", "LogoutAll", "ChangePassword", "DeleteCurrentUser",
            "SetUserAdmin", "LockUser", "UnlockUser", "DeleteUser", "ChangeEmail",
            "GetSessions", "EndSession", "LogoutOthers", "GetUserSessions", "EndUserSession",
            "EnrollTotp", "ConfirmTotp", "DisableTotp", "RegenerateRecoveryCodes", "ResetUserMfa",
            "BeginPasskeyRegistration", "AddPasskey", "GetPasskeys", "RenamePasskey", "DeletePasskey",
            "GetSigningKeys", "RotateSigningKey", "RevokeSigningKey",
            "GetRoles", "SaveRole", "DeleteRole", "AssignRoles", "UnAssignRoles", "GetAuditEvents",
            "CreateApiKey", "GetApiKeys", "DeleteApiKey", "GetUserApiKeys", "DeleteUserApiKey",
            "GetExternalIdentities", "DeleteExternalIdentity",
        }));
        Assert.That(byRequirement["""[{},{"Bearer":[]}]"""], Is.EquivalentTo(new[] { "Authenticate", "Authenticate_2", "Authenticate_3", "CompleteExternalSignIn" }),
            "Authenticate reads a bearer token when one is sent (GET /auth describes the session), as finishing a link does");
        Assert.That(byRequirement["[]"], Is.EquivalentTo(new[]
        {
            "CreateUser", "Login", "LoginMfa", "GetAccessToken", "VerifyEmail", "ResendVerificationEmail", "ForgotPassword", "ResetPassword", "ConfirmEmailChange",
            "BeginPasskeySignIn", "PasskeySignIn", "GetJsonWebKeySet", "GetOpenIdConfiguration", "GetAuthProviders",
        }), "public, and saying so");
        Assert.That(byRequirement.Sum(group => group.Count()), Is.EqualTo(Operations.Length));
        Assert.That(document["security"], Is.Null, "no requirement for the whole API: registering and logging in need no token");
    }

    [Test]
    public async Task A_secret_is_never_a_query_parameter_and_get_auth_documents_no_credentials()
    {
        var document = await DocumentAsync();

        var queryParameters = AllOperations(document)
            .SelectMany(o => o["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>());
        Assert.That(queryParameters, Has.None.Contains("password").IgnoreCase.And.None.Contains("token").IgnoreCase);
        Assert.That(Operation(document, "/user/me", "delete")["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
            Is.EqualTo("#/components/schemas/DeleteCurrentUser"), "DELETE /user/me takes its password in the body");
        Assert.That(Operation(document, "/auth", "get")["parameters"], Is.Null, "GET /auth reads no userName or password");
    }

    [Test]
    public async Task Required_fields_are_those_the_validators_require()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.That(Strings(schemas["Login"]!["required"]), Is.EquivalentTo(new[] { "email", "password" }));
        Assert.That(Strings(schemas["GetAccessToken"]!["required"]), Is.Empty, "a session signed in by cookie sends its refresh token as the ss-reftok cookie");
        Assert.That(Strings(schemas["Authenticate"]!["required"]), Is.Empty, "with neither provider nor userName Authenticate describes the session");
    }

    [Test]
    public async Task The_document_names_its_server_relative_to_wherever_it_is_served()
    {
        var servers = (await DocumentAsync())["servers"]!.AsArray();

        Assert.That(servers.Select(s => s!["url"]!.GetValue<string>()), Is.EqualTo(new[] { "/" }));
    }

    [Test]
    public async Task A_request_schema_gives_its_required_fields_and_formats_from_the_validator()
    {
        var document = await DocumentAsync();
        var body = Operation(document, "/user", "post")["requestBody"]!;
        Assert.That(body["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/CreateUser"));

        var createUser = document["components"]!["schemas"]!["CreateUser"]!;
        Assert.That(Strings(createUser["required"]), Is.EquivalentTo(new[] { "email", "username", "password" }));
        var email = createUser["properties"]!["email"]!;
        Assert.That(email["format"]!.GetValue<string>(), Is.EqualTo("email"));
        Assert.That(email["maxLength"]!.GetValue<int>(), Is.EqualTo(255));
        Assert.That(createUser["properties"]!["password"]!["minLength"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(createUser["properties"]!["username"]!["pattern"]!.GetValue<string>(), Is.EqualTo("^[A-Za-z0-9_.-]{3,50}$"));
    }

    [Test]
    public async Task A_response_schema_gives_wire_names_formats_and_the_fields_always_sent()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        var user = schemas["User"]!;
        Assert.That(Strings(user["required"]), Is.EquivalentTo(new[] { "public_id", "email", "username", "admin", "roles", "permissions", "registered_on", "email_verified", "mfa_enabled" }));
        Assert.That(user["properties"]!["registered_on"]!["format"]!.GetValue<string>(), Is.EqualTo("date-time"));
        Assert.That(user["properties"]!["admin"]!["type"]!.GetValue<string>(), Is.EqualTo("boolean"));
        var token = schemas["TokenResponse"]!;
        Assert.That(token["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "status", "message", "responseStatus", "Authorization", "refreshToken", "refreshTokenExpiry" }),
            "inherited fields are listed with the type's own");
        Assert.That(Strings(token["required"]), Has.None.EqualTo("Authorization"), "a request with useTokenCookie gets them as cookies, not fields");
        Assert.That(schemas["GetUsersResponse"]!["properties"]!["data"]!["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/User"));
    }

    [Test]
    public async Task Path_and_query_parameters_carry_wire_names_and_the_validator_ranges()
    {
        var document = await DocumentAsync();

        var publicId = Operation(document, "/user/{public_id}", "get")["parameters"]!.AsArray().Single()!;
        Assert.That(publicId["in"]!.GetValue<string>(), Is.EqualTo("path"));
        Assert.That(publicId["name"]!.GetValue<string>(), Is.EqualTo("public_id"));
        Assert.That(publicId["required"]!.GetValue<bool>(), Is.True);

        var paging = Operation(document, "/user", "get")["parameters"]!.AsArray();
        Assert.That(paging.Select(p => $"{p!["in"]} {p["name"]}"), Is.EqualTo(new[] { "query page", "query per_page", "query search" }));
        var perPage = paging[1]!;
        Assert.That(perPage["schema"]!["type"]!.GetValue<string>(), Is.EqualTo("integer"));
        Assert.That(perPage["schema"]!["minimum"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(perPage["schema"]!["maximum"]!.GetValue<int>(), Is.EqualTo(100));
        Assert.That(perPage["description"]!.GetValue<string>(), Is.EqualTo("Users per page, 1 to 100; 20 when absent."));
        Assert.That(paging[2]!["schema"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(100), "from the validator");
        Assert.That(Operation(document, "/user", "get")["requestBody"], Is.Null);
    }

    [TestCase("/user", "post", "201:TokenResponse 400:StatusResponse 409:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse 503:StatusResponse")]
    [TestCase("/user", "get", "200:GetUsersResponse 400:StatusResponse 401:StatusResponse 403:StatusResponse 500:StatusResponse")]
    [TestCase("/user/{public_id}", "get", "200:User 400:StatusResponse 401:StatusResponse 404:StatusResponse 500:StatusResponse")]
    [TestCase("/user/me", "get", "200:User 401:StatusResponse 500:StatusResponse")]
    [TestCase("/auth/login", "post", "200:LoginResponse 400:StatusResponse 401:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse 503:StatusResponse")]
    [TestCase("/auth/logout", "post", "200:StatusResponse 401:StatusResponse 403:StatusResponse 413:StatusResponse 500:StatusResponse")]
    [TestCase("/auth/forgot-password", "post", "202:StatusResponse 400:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse")]
    [TestCase("/auth/reset-password", "post", "200:LoginResponse 400:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse 503:StatusResponse")]
    [TestCase("/user/me/email", "put", "202:StatusResponse 400:StatusResponse 401:StatusResponse 409:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse 503:StatusResponse")]
    [TestCase("/auth/confirm-email-change", "post", "200:User 400:StatusResponse 409:StatusResponse 413:StatusResponse 429:StatusResponse 500:StatusResponse")]
    public async Task Every_response_status_has_its_schema(string path, string verb, string expected)
    {
        var responses = Operation(await DocumentAsync(), path, verb)["responses"]!.AsObject();

        var actual = responses.Select(r => $"{r.Key}:{r.Value!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1]}");
        Assert.That(string.Join(' ', actual), Is.EqualTo(expected));
        Assert.That(responses.Select(r => r.Value!["description"]?.GetValue<string>()), Has.All.Not.Empty);
    }

    [Test]
    public async Task The_error_schema_is_the_body_every_error_has_with_its_ResponseStatus()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.That(schemas["StatusResponse"]!["properties"]!["responseStatus"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/ResponseStatus"));
        Assert.That(schemas["ResponseStatus"]!["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "errorCode", "message", "errors", "meta" }));
        Assert.That(schemas["ResponseError"]!["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "errorCode", "fieldName", "message" }));
    }
}
