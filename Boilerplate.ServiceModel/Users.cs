using System.Runtime.Serialization;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.ServiceModel;

/// <summary>Lists registered users, oldest first, a page at a time (<c>users.read</c>); <c>search</c> narrows it to matching emails and usernames.</summary>
[Tag(Tags.User)]
[Route("/user", "GET")]
[RequiredPermission(PermissionNames.UsersRead)]
public class GetUsers : IReturn<GetUsersResponse>, IGet
{
    /// <summary>1-based page number; 1 when absent.</summary>
    public int? Page { get; set; }

    /// <summary>Users per page, 1 to 100; 20 when absent.</summary>
    [DataMember(Name = "per_page")]
    public int? PerPage { get; set; }

    /// <summary>Only users whose email or username contains this text (3 to 100 characters), in any casing.</summary>
    public string? Search { get; set; }
}

public class GetUsersResponse
{
    public List<User> Data { get; set; } = [];
    public int Page { get; set; }
    [DataMember(Name = "per_page")]
    public int PerPage { get; set; }
    public int Total { get; set; }
}

/// <summary>One user by public id. Users see only themselves; holders of <c>users.read</c> see anyone.</summary>
[Tag(Tags.User)]
[Route("/user/{public_id}", "GET")]
[ValidateIsAuthenticated]
[OpenToApiKeys]
[ApiResponse(404, "User not found (also someone else's record, unless the caller holds users.read).")]
public class GetUser : IReturn<User>, IGet
{
    [DataMember(Name = "public_id")]
    public string? PublicId { get; set; }
}

/// <summary>The user the bearer token or API key belongs to.</summary>
[Tag(Tags.User)]
[Route("/user/me", "GET")]
[ValidateIsAuthenticated]
[OpenToApiKeys]
public class GetCurrentUser : IReturn<User>, IGet;
