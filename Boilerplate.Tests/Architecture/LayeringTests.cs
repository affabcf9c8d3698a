using System.Reflection;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Architecture;

/// <summary>Where each concern lives: app code sees ServiceStack's surface, not ASP.NET's, and Auth depends on Users, not back.</summary>
public class LayeringTests
{
    private static readonly string ServiceInterface = Path.Combine(RepositoryRoot.Path, "Boilerplate.ServiceInterface");

    private static IEnumerable<string> SourcesOf(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Test]
    public void No_file_of_the_services_names_ASP_NET_Core_s_HTTP_types()
    {
        var offenders = SourcesOf(ServiceInterface)
            .Where(path => File.ReadAllText(path) is var text
                           && (text.Contains("HttpContext", StringComparison.Ordinal) || text.Contains("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(ServiceInterface, path));

        Assert.That(SourcesOf(ServiceInterface).Count(), Is.GreaterThan(30), "the sources were found");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_public_member_of_the_services_takes_or_returns_an_ASP_NET_Core_type()
    {
        var offenders =
            from type in typeof(UserStore).Assembly.GetExportedTypes()
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from named in TypesNamedBy(member)
            where named.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
            select $"{type.Name}.{member.Name}: {named.FullName}";

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Users_knows_nothing_of_Auth()
    {
        var users = Path.Combine(ServiceInterface, "Users");
        var offenders = SourcesOf(users)
            .Where(path => File.ReadAllText(path).Contains("Boilerplate.ServiceInterface.Auth", StringComparison.Ordinal))
            .Select(Path.GetFileName);
        var referencing =
            from type in typeof(UserStore).Assembly.GetTypes()
            where type.Namespace == typeof(UserStore).Namespace
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from named in TypesNamedBy(member)
            where named.Namespace == "Boilerplate.ServiceInterface.Auth"
            select $"{type.Name}.{member.Name}";

        Assert.That(SourcesOf(users).Count(), Is.GreaterThan(3));
        Assert.That(offenders, Is.Empty);
        Assert.That(referencing, Is.Empty);
    }

    private static IEnumerable<Type> TypesNamedBy(MemberInfo member) => member switch
    {
        MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).SelectMany(Unwrap),
        ConstructorInfo constructor => constructor.GetParameters().Select(p => p.ParameterType).SelectMany(Unwrap),
        PropertyInfo property => Unwrap(property.PropertyType),
        FieldInfo field => Unwrap(field.FieldType),
        _ => [],
    };

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type)
        : type.HasElementType ? Unwrap(type.GetElementType()!)
        : [type];
}
