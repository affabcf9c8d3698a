using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ServiceStack;
using ServiceStackLite;

namespace Idioms;

// A service written as ServiceStack's documentation writes one. It is not part of the test
// project: IdiomTests compiles it on its own against the stand-in's assemblies, then serves it.

[Tag("idioms")]
[Route("/idioms/request", "GET,POST")]
public class DescribeRequest : IReturn<RequestDescription>
{
    public string? Name { get; set; }
}

public class RequestDescription
{
    public string? Verb { get; set; }
    public string? PathInfo { get; set; }
    public string? Header { get; set; }
    public string? Query { get; set; }
    public string? Form { get; set; }
    public string? Cookie { get; set; }
    public string? UserHostAddress { get; set; }
    public string? RemoteIp { get; set; }
    public bool IsSecureConnection { get; set; }
    public string? Item { get; set; }
    public bool CanBeCancelled { get; set; }
    public string? OriginalRequest { get; set; }
    public string? OperationName { get; set; }
    public string? Name { get; set; }
}

[Route("/idioms/me", "GET")]
[ValidateIsAuthenticated]
public class WhoAmI : IReturn<Caller>;

[Route("/idioms/maybe", "GET")]
[OptionalAuthentication]
public class WhoMightIBe : IReturn<Caller>;

[Route("/idioms/anonymous", "GET")]
public class WhoIsAsked : IReturn<Caller>;

[Route("/idioms/admin", "GET")]
[ValidateIsAdmin]
public class AdminsOnly : IReturn<Caller>;

[Route("/idioms/editor", "GET")]
[ValidateHasRole("Editor")]
public class EditorsOnly : IReturn<Caller>;

[Route("/idioms/rows", "GET")]
public class GetRows : IReturn<RowsResponse>;

public class RowsResponse
{
    public int Total { get; set; }
    public List<Row> Results { get; set; } = [];
}

public class Row
{
    public string Name { get; set; } = "";
    public string? Note { get; set; }
    public int Count { get; set; }
}

[Route("/idioms/publisher", "GET")]
[RequiredRole("Editor", "Publisher")]
public class PublishersOnly : IReturn<Caller>;

[Route("/idioms/reports", "GET")]
[RequiredPermission("reports.read")]
[RequiredPermission("reports.write")]
public class ReportWriters : IReturn<Caller>;

public class Caller
{
    public bool IsAuthenticated { get; set; }
    public string? UserAuthId { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? AuthProvider { get; set; }
    public string? ClaimsName { get; set; }
}

[Route("/idioms/fail/{Kind}", "POST")]
[ApiResponse(404, "Whatever was asked for is not there.")]
public class Fail : IReturnVoid
{
    public string? Kind { get; set; }
}

[Route("/idioms/created", "POST")]
public class Create : IReturn<Caller>;

public class IdiomServices : Service
{
    public object Any(DescribeRequest request)
    {
        Request.Items["seen"] = "by a filter";
        return new RequestDescription
        {
            Verb = Request.Verb,
            PathInfo = Request.PathInfo,
            Header = Request.Headers["X-Custom"],
            Query = Request.QueryString["q"],
            Form = Request.FormData["name"],
            Cookie = Request.Cookies.TryGetValue("flavour", out var cookie) ? cookie.Value : null,
            UserHostAddress = Request.UserHostAddress,
            RemoteIp = Request.RemoteIp,
            IsSecureConnection = Request.IsSecureConnection,
            Item = Request.Items["seen"] as string,
            CanBeCancelled = Request.RequestAborted.CanBeCanceled,
            OriginalRequest = Request.OriginalRequest.GetType().Name,
            OperationName = Request.OperationName,
            Name = request.Name,
        };
    }

    public Caller Get(WhoAmI request) => Describe();

    public async Task<Caller> Get(WhoMightIBe request)
    {
        var session = await GetSessionAsync();
        return new Caller { IsAuthenticated = session.IsAuthenticated, UserAuthId = session.UserAuthId };
    }

    public Caller Get(WhoIsAsked request) => new() { IsAuthenticated = IsAuthenticated };

    public Caller Get(AdminsOnly request) => Describe();

    public Caller Get(EditorsOnly request) => Describe();

    public Caller Get(PublishersOnly request) => Describe();

    public RowsResponse Get(GetRows request) => new()
    {
        Total = 3,
        Results =
        [
            new Row { Name = "plain", Note = "a, \"quoted\" note", Count = 1 },
            new Row { Name = "=HYPERLINK(\"http://evil.example\")", Count = 2 },
            new Row { Name = "-2+3", Note = "@SUM(A1)", Count = 3 },
        ],
    };

    public Caller Get(ReportWriters request) => Describe();

    public void Post(Fail request) => throw (request.Kind switch
    {
        "not-found" => HttpError.NotFound("No such thing."),
        "unauthorized" => HttpError.Unauthorized("Who are you?"),
        "forbidden" => HttpError.Forbidden("Not for you."),
        "conflict" => HttpError.Conflict("Already there."),
        "bad-request" => HttpError.BadRequest("That makes no sense."),
        "bad-request-code" => HttpError.BadRequest("Nonsense", "That makes no sense either."),
        "validation" => HttpError.Validation("NotEmpty", "Name is required.", "Name"),
        "unavailable" => HttpError.ServiceUnavailable("Come back later."),
        "teapot" => new HttpError(418, "Teapot", "I am a teapot."),
        "by-enum" => new HttpError(HttpStatusCode.Gone, "Gone for good."),
        _ => new InvalidOperationException(),
    });

    public Caller Post(Create request)
    {
        Response.StatusCode = 201;
        Response.AddHeader("Location", "/idioms/me");
        return Describe();
    }

    private Caller Describe()
    {
        var session = GetSession();
        return new Caller
        {
            IsAuthenticated = session.IsAuthenticated,
            UserAuthId = session.UserAuthId,
            UserName = session.UserName,
            Email = session.Email,
            Roles = session.Roles,
            AuthProvider = session.AuthProvider,
            ClaimsName = Request.GetClaimsPrincipal().FindFirst("preferred_username")?.Value,
        };
    }
}
