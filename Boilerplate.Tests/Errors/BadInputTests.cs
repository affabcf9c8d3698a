using System.Net.Http.Headers;
using System.Text;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Errors;

/// <summary>Bad input gets a clear 4xx with a ResponseStatus body, never a 500 or a stack trace.</summary>
[OnEachDatabase]
public class BadInputTests(DatabaseKind kind) : ApiFixture(kind)
{
    [TestCase("{\"email\": ")]
    [TestCase("{not json}")]
    [TestCase("[1, 2, 3]")]
    [TestCase("\"a string\"")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await Post("/user", body, "application/json");

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.String("message"), Does.StartWith("The request body is not valid JSON"));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("SerializationException"));
        Assert.That(response.Text, Does.Not.Contain("System.").And.Not.Contain("Exception:"), "no .NET internals");
    }

    [Test]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var response = await Post("/user", """{"email": 5, "username": "abc", "password": "password-123"}""", "application/json");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.String("message"), Is.EqualTo("email has a value of the wrong type."));
        Assert.That(response.ResponseStatus["errors"]![0]!["fieldName"]!.GetValue<string>(), Is.EqualTo("email"));
    }

    [Test]
    public async Task Json_sent_as_text_plain_is_read_as_servicestacks_clients_send_it()
    {
        var name = UniqueName();
        var response = await Post("/user", $$"""{"email":"{{name}}@example.com","username":"{{name}}","password":"password-123"}""", "text/plain");
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [Test]
    public async Task Json_sent_as_a_form_by_curl_dash_d_is_read_as_json()
    {
        var name = UniqueName();
        var response = await Post("/user", $$"""{"email":"{{name}}@example.com","username":"{{name}}","password":"password-123"}""", "application/x-www-form-urlencoded");
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [Test]
    public async Task A_real_form_body_is_bound_field_by_field()
    {
        var name = UniqueName();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = $"{name}@example.com", ["username"] = name, ["password"] = "password-123" });
        var response = await Api.SendAsync(HttpMethod.Post, "/user", form);
        Assert.That(response.Status, Is.EqualTo(201), response.Text);
    }

    [TestCase("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na\r\n--x--\r\n")]
    [TestCase("multipart/form-data; boundary=x", "{\"email\":\"a@example.com\"}")]
    [TestCase("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na")]
    [TestCase("multipart/form-data; boundary=\"", "--\"\r\n\r\n")]
    public async Task A_broken_multipart_body_is_400(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await Api.SendAsync(HttpMethod.Post, "/user", content);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("SerializationException"));
    }

    [Test]
    public async Task Xml_is_400_with_a_hint_to_send_json()
    {
        var response = await Post("/user", "<user><email>a@example.com</email></user>", "application/xml");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.String("message"), Does.Contain("Content-Type: application/json"));
    }

    [Test]
    public async Task An_empty_body_is_400_listing_the_required_fields()
    {
        var response = await Post("/user", "", "application/json");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ResponseStatus["errors"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_body_over_64_KiB_is_413()
    {
        var huge = $$"""{"email":"a@example.com","username":"abc","password":"{{new string('p', 70 * 1024)}}"}""";
        var response = await Post("/user", huge, "application/json");

        Assert.That(response.Status, Is.EqualTo(413));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("RequestTooLarge"));
    }

    [Test]
    public async Task A_body_over_64_KiB_without_a_length_is_413_too()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 70 * 1024) + "{}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await Api.SendAsync(HttpMethod.Post, "/user", content);
        Assert.That(response.Status, Is.EqualTo(413));
    }

    [Test]
    public async Task An_unknown_route_is_404_json()
    {
        var response = await Api.GetAsync("/no/such/thing");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(response.Body.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "status", "message", "responseStatus" }));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("NotFound"));
    }

    [TestCase("DELETE", "/user")]
    [TestCase("PUT", "/auth/login")]
    [TestCase("GET", "/auth/logout")]
    public async Task A_wrong_verb_is_405_json(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path);

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.String("status"), Is.EqualTo("fail"));
        Assert.That(response.ResponseStatus["errorCode"]!.GetValue<string>(), Is.EqualTo("MethodNotAllowed"));
    }

    [Test]
    public async Task Responses_carry_nosniff_and_no_server_banner()
    {
        var response = await Api.GetAsync("/user/me");
        Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(response.Header("Server"), Is.Null);
    }

    private Task<ApiResponse> Post(string path, string body, string contentType) =>
        Api.SendAsync(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType));
}
