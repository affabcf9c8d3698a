namespace ServiceStack.Web;

/// <summary>ServiceStack's view of the response being written: the members of its <c>IResponse</c> this stand-in serves.</summary>
public interface IResponse
{
    /// <summary>The host's own response (ASP.NET Core's <c>HttpResponse</c>).</summary>
    object OriginalResponse { get; }

    IRequest Request { get; }

    int StatusCode { get; set; }

    string? ContentType { get; set; }

    void AddHeader(string name, string value);

    void RemoveHeader(string name);

    string? GetHeader(string name);

    void Redirect(string url);

    /// <summary>True once the status and headers have gone to the client.</summary>
    bool HasStarted { get; }

    Dictionary<string, object> Items { get; }
}
