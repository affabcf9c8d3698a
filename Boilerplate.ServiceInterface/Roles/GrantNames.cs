namespace Boilerplate.ServiceInterface.Roles;

/// <summary>
/// Role and permission names as a column holds them: separated by single spaces, each once, in
/// order. A name has no space in it (<see cref="RoleValidators"/>, <c>PermissionNames</c>).
/// </summary>
public static class GrantNames
{
    public static IReadOnlyList<string> Parse(string column) =>
        column.Length == 0 ? [] : column.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Format(IEnumerable<string> names) =>
        string.Join(' ', names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
