using System.Net;
using System.Text;
using ServiceStack;

namespace ServiceStackLite.Tests.Client;

/// <summary>What the typed client puts on the wire and makes of answers, against a stub server.</summary>
public class JsonServiceClientTests
{
    [Test]
    public async Task A_void_request_is_sent_with_its_verb_under_the_base_path_and_a_204_completes_it()
    {
        var server = new StubServer(HttpStatusCode.NoContent);
        var client = server.Client("http://api.test/v1/");

        await client.SendAsync(new CancelJob { Id = 3 });

        Assert.That(server.Method, Is.EqualTo("DELETE"));
        Assert.That(server.Uri, Is.EqualTo("http://api.test/v1/jobs/3"));
        Assert.That(server.Body, Is.Null, "DELETE sends no body");
    }

    [Test]
    public async Task The_bearer_token_and_a_json_body_are_sent()
    {
        var server = new StubServer(HttpStatusCode.OK, """{"id":3}""");
        var client = server.Client("http://api.test");
        client.BearerToken = "abc.def.ghi";

        var job = await client.SendAsync(new RenameJob { Id = 3, Name = "nightly" });

        Assert.That(server.Method, Is.EqualTo("PUT"));
        Assert.That(server.Authorization, Is.EqualTo("Bearer abc.def.ghi"));
        Assert.That(server.ContentType, Is.EqualTo("application/json"));
        Assert.That(server.Body, Is.EqualTo("""{"name":"nightly"}"""));
        Assert.That(job.Id, Is.EqualTo(3));
    }

    [TestCase(HttpStatusCode.Unauthorized, "", "Unauthorized")]
    [TestCase(HttpStatusCode.Forbidden, "Forbidden", "Forbidden")]
    [TestCase(HttpStatusCode.BadGateway, "<html>proxy error</html>", "Bad Gateway")]
    [TestCase(HttpStatusCode.InternalServerError, """{"error":"boom"}""", "Internal Server Error")]
    public void An_error_without_a_response_status_gets_one_from_the_status_line(HttpStatusCode status, string body, string reason)
    {
        var client = new StubServer(status, body).Client("http://api.test");

        var error = Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new CancelJob { Id = 1 }));

        Assert.That(error.StatusCode, Is.EqualTo((int)status));
        Assert.That(error.StatusDescription, Is.EqualTo(reason));
        Assert.That(error.ErrorCode, Is.EqualTo(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(error.ErrorMessage, Is.EqualTo(reason));
        Assert.That(error.GetFieldErrors(), Is.Empty);
        Assert.That(error.ResponseBody, Is.EqualTo(body));
    }

    [Test]
    public void A_response_status_in_any_casing_is_read_from_the_body()
    {
        var body = """{"ResponseStatus":{"ErrorCode":"NotEmpty","Message":"'Name' must not be empty.","Errors":[{"ErrorCode":"NotEmpty","FieldName":"Name","Message":"'Name' must not be empty."}]}}""";
        var client = new StubServer(HttpStatusCode.BadRequest, body).Client("http://api.test");

        var error = Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new RenameJob { Id = 1 }));

        Assert.That(error.ErrorCode, Is.EqualTo("NotEmpty"));
        Assert.That(error.Message, Is.EqualTo("'Name' must not be empty."));
        Assert.That(error.GetFieldErrors().Single().FieldName, Is.EqualTo("Name"));
    }

    [Route("/jobs/{Id}", "DELETE")]
    public class CancelJob : IReturnVoid
    {
        public int Id { get; set; }
    }

    [Route("/jobs/{Id}", "PUT")]
    public class RenameJob : IReturn<Job>
    {
        public int Id { get; set; }
        public string? Name { get; set; }
    }

    public class Job
    {
        public int Id { get; set; }
    }

    /// <summary>Answers every request the same way and remembers the last one.</summary>
    private sealed class StubServer(HttpStatusCode status, string body = "") : HttpMessageHandler
    {
        public string? Method { get; private set; }
        public string? Uri { get; private set; }
        public string? Authorization { get; private set; }
        public string? ContentType { get; private set; }
        public string? Body { get; private set; }

        public JsonServiceClient Client(string baseUrl) => new(new HttpClient(this) { BaseAddress = new Uri(baseUrl) });

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method.Method;
            Uri = request.RequestUri?.ToString();
            Authorization = request.Headers.Authorization?.ToString();
            ContentType = request.Content?.Headers.ContentType?.MediaType;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        }
    }
}
