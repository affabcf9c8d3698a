using System.Reflection;
using Boilerplate.ServiceInterface.Users;
using Boilerplate.Tests.Support;

namespace Boilerplate.Tests.Architecture;

/// <summary>
/// Where each concern lives: a feature is one folder in the model, the services and the tests;
/// each table is written by its store alone; app code sees ServiceStack's surface, not ASP.NET's;
/// and Users, which every feature uses, uses none of them.
/// </summary>
public partial class LayeringTests
{
    private static readonly string ServiceInterface = Path.Combine(RepositoryRoot.Path, "Boilerplate.ServiceInterface");
    private static readonly string ServiceModel = Path.Combine(RepositoryRoot.Path, "Boilerplate.ServiceModel");
    private static readonly string Tests = Path.Combine(RepositoryRoot.Path, "Boilerplate.Tests");

    /// <summary>Each table's one writer: every insert, update and delete of it is in this file.</summary>
    private static readonly Dictionary<string, string> TableHomes = new()
    {
        ["Users"] = "Users/UserStore.cs",
        ["Sessions"] = "Sessions/SessionStore.cs",
        ["RefreshTokens"] = "Sessions/SessionStore.cs",
        ["RevokedTokens"] = "Revocation/RevokedTokens.cs",
        ["RecoveryCodes"] = "TwoFactor/SecondFactor.cs",
        ["MfaChallenges"] = "SignIn/MfaChallenges.cs",
        ["Passkeys"] = "Passkeys/PasskeyStore.cs",
        ["PasskeyCeremonies"] = "Passkeys/PasskeyCeremonies.cs",
        ["EmailTokens"] = "AccountEmail/EmailTokens.cs",
        ["Mail"] = "Mail/MailOutbox.cs",
        ["SigningKeys"] = "SigningKeys/SigningKeyStore.cs",
    };

    [Test]
    public void Every_operation_is_one_feature_its_DTO_file_its_services_folder_and_its_tests_folder_share_a_name()
    {
        var operations =
            from service in typeof(UserStore).Assembly.GetTypes()
            where service.IsSubclassOf(typeof(ServiceStack.Service)) && !service.IsAbstract
            from method in service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            where method.GetParameters() is [{ ParameterType: var dto }] && typeof(ServiceStack.IReturn).IsAssignableFrom(dto)
            select (Dto: method.GetParameters()[0].ParameterType, Feature: service.Namespace!.Split('.').Last());
        var declaredIn = Directory.EnumerateFiles(ServiceModel, "*.cs")
            .SelectMany(file => DtoDeclaration().Matches(File.ReadAllText(file)).Select(m => (Name: m.Groups["name"].Value, File: Path.GetFileNameWithoutExtension(file))))
            .ToDictionary(d => d.Name, d => d.File);

        var misplaced = operations.Distinct()
            .Where(o => declaredIn.GetValueOrDefault(o.Dto.Name) != o.Feature || !Directory.Exists(Path.Combine(Tests, o.Feature)))
            .Select(o => $"{o.Dto.Name}: ServiceModel/{declaredIn.GetValueOrDefault(o.Dto.Name)}.cs, ServiceInterface/{o.Feature}/");

        Assert.That(operations.Count(), Is.GreaterThan(40), "the operations were found");
        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void Each_table_is_written_by_its_store_alone()
    {
        var homes = TableHomes.Values.ToHashSet();
        var writes =
            from path in SourcesOf(ServiceInterface)
            let file = Path.GetRelativePath(ServiceInterface, path).Replace('\\', '/')
            where !file.StartsWith("Data/", StringComparison.Ordinal)
            from statement in File.ReadAllText(path).Split(';')
            from table in TableHomes.Keys
            where WritesTable(statement, table)
            select (Table: table, File: file);
        var offenders = writes.Where(w => TableHomes[w.Table] != w.File).Select(w => $"{w.File} writes {w.Table}");

        Assert.That(writes.Select(w => w.Table).Distinct(), Is.EquivalentTo(TableHomes.Keys), "every table's writes were found");
        Assert.That(offenders, Is.Empty);
    }

    /// <summary>An update or delete of <c>db.Table</c>, or an insert of the table's record type.</summary>
    private static bool WritesTable(string statement, string table) =>
        (statement.Contains($"db.{table}.", StringComparison.Ordinal)
         && (statement.Contains(".UpdateAsync(", StringComparison.Ordinal) || statement.Contains(".DeleteAsync(", StringComparison.Ordinal)))
        || RecordInsert().Matches(statement).Any(m => TableOfRecord(m.Groups["record"].Value) == table);

    private static string? TableOfRecord(string record) => record switch
    {
        "user" or "UserRecord" => "Users",
        "SessionRecord" => "Sessions",
        "RefreshTokenRecord" => "RefreshTokens",
        "RevokedTokenRecord" => "RevokedTokens",
        "RecoveryCodeRecord" => "RecoveryCodes",
        "MfaChallengeRecord" => "MfaChallenges",
        "passkey" or "PasskeyRecord" => "Passkeys",
        "PasskeyCeremonyRecord" => "PasskeyCeremonies",
        "EmailTokenRecord" => "EmailTokens",
        "MailRecord" => "Mail",
        "SigningKeyRecord" => "SigningKeys",
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"public class (?<name>\w+) : IReturn")]
    private static partial System.Text.RegularExpressions.Regex DtoDeclaration();

    [System.Text.RegularExpressions.GeneratedRegex(@"db\.Insert(?:WithInt64Identity)?Async(?:<(?<record>\w+)>\(|\((?:new (?<record>\w+)|(?<record>\w+),))")]
    private static partial System.Text.RegularExpressions.Regex RecordInsert();

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

    /// <summary>Users is what every feature stands on: it may use shared machinery, never a feature (sessions reach it through IUserSessions).</summary>
    [Test]
    public void Users_knows_nothing_of_the_features_that_use_it()
    {
        string[] features = ["Registration", "SignIn", "Sessions", "TwoFactor", "Passkeys", "AccountEmail", "OwnAccount", "UserAdmin", "Tokens", "Revocation"];
        var users = Path.Combine(ServiceInterface, "Users");
        var offenders = SourcesOf(users)
            .SelectMany(path => features.Where(f => File.ReadAllText(path).Contains($"Boilerplate.ServiceInterface.{f};", StringComparison.Ordinal))
                .Select(f => $"{Path.GetFileName(path)} uses {f}"));
        var referencing =
            from type in typeof(UserStore).Assembly.GetTypes()
            where type.Namespace == typeof(UserStore).Namespace
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from named in TypesNamedBy(member)
            where features.Any(f => named.Namespace == $"Boilerplate.ServiceInterface.{f}")
            select $"{type.Name}.{member.Name}: {named.FullName}";

        Assert.That(SourcesOf(users).Count(), Is.GreaterThan(3));
        Assert.That(offenders, Is.Empty);
        Assert.That(referencing.Where(r => !r.Contains("AppService", StringComparison.Ordinal)), Is.Empty);
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
