namespace ServiceStack;

/// <summary>The error description every failed request carries, as ServiceStack's clients read it.</summary>
public class ResponseStatus
{
    public string ErrorCode { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>One entry per invalid field; empty for errors that are not about a field.</summary>
    public List<ResponseError> Errors { get; set; } = [];
    /// <summary>More about the error, e.g. <c>traceId</c>: the id the server's log lines of this request carry.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}

public class ResponseError
{
    public string ErrorCode { get; set; } = "";
    public string FieldName { get; set; } = "";
    public string Message { get; set; } = "";
}
