using LinqToDB.Mapping;

namespace Boilerplate.ServiceInterface.Data;

/// <summary>A row of <c>roles</c>: a role and the permissions it grants, separated by spaces.</summary>
[Table("roles")]
public class RoleRecord
{
    [Column("name"), PrimaryKey] public string Name { get; set; } = "";
    [Column("permissions"), NotNull] public string Permissions { get; set; } = "";
    [Column("updated_on"), NotNull] public DateTime UpdatedOn { get; set; }
}
