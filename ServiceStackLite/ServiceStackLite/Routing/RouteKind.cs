namespace ServiceStack.Routing;

/// <summary>Which kind of route a request came in on; binding differs between them.</summary>
public enum RouteKind
{
    /// <summary>A DTO's own <c>[Route]</c>.</summary>
    Custom,

    /// <summary><c>/api/{Name}</c>, <c>/json/reply/{Name}</c> or <c>/json/oneway/{Name}</c>, which every DTO has.</summary>
    Predefined,
}
