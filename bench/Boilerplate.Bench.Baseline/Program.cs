using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// GET /json: a user-sized object, no auth. GET /json-jwt: the same behind JwtBearer validation of
// an HS256 token. GET /token hands out that static token. Nothing else: this is Kestrel's limit.
var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48));
var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = "baseline",
    Expires = DateTime.UtcNow.AddDays(1),
    Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["jti"] = Guid.NewGuid().ToString("N") },
    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
});

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
{
    jwt.MapInboundClaims = false;
    jwt.TokenValidationParameters = new TokenValidationParameters
    {
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = key,
        ValidIssuer = "baseline",
        ValidateAudience = false,
    };
});
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

var user = new BaselineUser(Guid.NewGuid().ToString(), "user1@bench.example", "user1", false, DateTime.UtcNow);
app.MapGet("/json", () => user);
app.MapGet("/json-jwt", () => user).RequireAuthorization();
app.MapGet("/token", () => token);
app.Run();

internal sealed record BaselineUser(
    [property: JsonPropertyName("public_id")] string PublicId,
    string Email,
    string Username,
    bool Admin,
    [property: JsonPropertyName("registered_on")] DateTime RegisteredOn);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BaselineUser))]
[JsonSerializable(typeof(string))]
internal sealed partial class BaselineJson : JsonSerializerContext;
