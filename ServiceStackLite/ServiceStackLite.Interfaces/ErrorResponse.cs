namespace ServiceStack;

/// <summary>The error body of an operation whose response type has no room for a ResponseStatus.</summary>
public class ErrorResponse
{
    public ResponseStatus? ResponseStatus { get; set; }
}
