using System.Net;

namespace ServiceStack;

/// <summary>
/// An answer the operation gives besides the ones its shape implies, e.g.
/// <c>[ApiResponse(404, "User not found.")]</c>. A 2xx one replaces the default success (200, or
/// 204 for an operation that returns nothing).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public class ApiResponseAttribute : Attribute
{
    public ApiResponseAttribute(int statusCode, string description)
    {
        StatusCode = statusCode;
        Description = description;
    }

    public ApiResponseAttribute(HttpStatusCode statusCode, string description)
        : this((int)statusCode, description)
    {
    }

    public int StatusCode { get; set; }

    public string Description { get; set; }
}
