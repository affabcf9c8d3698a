using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Boilerplate.Tests.Security.Fuzzing;

/// <summary>
/// Makes hostile requests from one seed, so a run can be repeated exactly: the right and wrong
/// verbs on every route, bodies that are nearly right, wrong, huge, deep, mis-encoded or not JSON
/// at all, odd content types, odd paths and junk headers.
/// </summary>
public sealed class Fuzzer(int seed, IReadOnlyList<FuzzTarget> targets)
{
    private static readonly string[] OddVerbs = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "CONNECTX", "get"];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=fuzz", "multipart/form-data; boundary=\"", "application/xml",
        "text/html", "*/*", "garbage", "", "application/json; charset=utf-7", "application/json; charset=nonsense", null,
    ];

    /// <summary>No %00: Kestrel refuses it before the app, and the in-process client refuses to send it at all.</summary>
    private static readonly string[] OddPaths =
    [
        "//user", "/user/", "/USER/ME", "/api/", "/api/CreateUser[][]", "/api/Login[", "/json/reply/", "/json/oneway/NoSuch",
        "/api/..%2fmetadata", "/api/getuser.json", "/api/GetUser.xml", "/user/me/password/extra", "/types/../metadata",
        "/%2e%2e/%2e%2e/etc/passwd", "/api/%C3%28", "/swagger-ui/../../x", "/openapi/v2.json", "/openapi/.json",
        "/metadata/x", "/types/nonsense", "/auth/", "/auth/credentials/extra", "/" + new string('a', 4000),
    ];

    /// <summary>Strings that break naive parsers, escapers and SQL.</summary>
    private static readonly string[] NastyStrings =
    [
        "", " ", "null", "undefined", "0", "-1", "true", "'", "\"", "\\", "'; DROP TABLE user;--", "\" OR 1=1 --", "%", "_",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "\u0000", "\u0001\u001f\u007f",
        "\u202e\u200b\ufeff", "😀", "\ud800", "\udfff", "a\r\nSet-Cookie: x=y", "me", "@", "a@b", "@example.com",
    ];

    private readonly Random random = new(seed);

    /// <summary>The ids and tokens of the fuzzer's own accounts, refreshed by the caller as they get revoked.</summary>
    public string[] KnownIds { get; set; } = [];
    public string[] KnownTokens { get; set; } = [];

    public FuzzRequest Next(int number)
    {
        var target = Pick(targets);
        var method = Chance(0.85) ? Pick(target.Verbs) : Pick(OddVerbs);
        var path = Chance(0.05) ? Pick(OddPaths) : FillPath(target.Path) + (Chance(0.2) ? Query(target) : "");
        var (kind, body) = Body(target);
        var contentType = Chance(0.6) ? "application/json" : Pick(ContentTypes);
        if (kind == "multipart" && Chance(0.7))
            contentType = "multipart/form-data; boundary=fuzz";
        return new FuzzRequest(number, kind, method, path, body, contentType, Headers());
    }

    private string FillPath(string template)
    {
        var parts = template.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
                parts[i] = PathValue();
        }
        return string.Join('/', parts);
    }

    private string PathValue() => random.Next(6) switch
    {
        0 or 1 when KnownIds.Length > 0 => Pick(KnownIds),
        2 => Guid(),
        3 => Pick(["me", "..", "%2e%2e", "%ZZ", "%C3%28", "%F0%9F%99%82", "%27%3B%20DROP%20TABLE%20user%3B--", "a%2Fb", "%20"]),
        4 => new string('9', random.Next(1, 3000)),
        _ => Uri.EscapeDataString(SafeText(Pick(NastyStrings))).Replace("%00", "", StringComparison.Ordinal),
    };

    private string Query(FuzzTarget target)
    {
        var pairs = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
        {
            var name = target.Fields.Count > 0 && Chance(0.7) ? Pick(target.Fields).Name : Pick(["page", "per_page", "x", "format", "IncludeTypes", "%", ""]);
            var value = random.Next(4) switch
            {
                0 => Uri.EscapeDataString(SafeText(Pick(NastyStrings))),
                1 => Pick(["-1", "0", "99999999999999999999", "1e999", "NaN", "true", "[1,2]", "%ZZ", "%C3%28"]),
                2 => new string('x', random.Next(1, 2000)),
                _ => Guid(),
            };
            return $"{name}={value}";
        });
        return "?" + string.Join('&', pairs);
    }

    private (string Kind, byte[]? Body) Body(FuzzTarget target) => random.Next(14) switch
    {
        0 => ("none", null),
        1 => ("plausible", Utf8(Plausible(target).ToJsonString())),
        2 => ("wrong types", Utf8(WrongTypes(target))),
        3 or 4 => ("mutated", Mutate(Utf8(Plausible(target).ToJsonString()))),
        5 => ("random bytes", RandomBytes(random.Next(0, 2000))),
        6 => ("invalid utf-8", InvalidUtf8(target)),
        7 => ("deep nesting", Utf8(Nested(random.Next(10, 30000)))),
        8 => ("huge numbers", Utf8(HugeNumbers(target))),
        9 => ("huge strings", Utf8(HugeStrings(target))),
        10 => ("duplicate keys", Utf8(DuplicateKeys(target))),
        11 => ("json that is not an object", Utf8(Pick(["null", "[]", "[{}]", "5", "\"x\"", "true", "[null]", "{}", "{\"\":1}", "[" + Plausible(target).ToJsonString() + "]"]))),
        12 => ("form", Utf8(Form(target))),
        _ => random.Next(3) == 0 ? ("oversize", RandomBytes(random.Next(65 * 1024, 100 * 1024))) : ("multipart", Utf8(Multipart(target))),
    };

    private System.Text.Json.Nodes.JsonObject Plausible(FuzzTarget target)
    {
        var body = new System.Text.Json.Nodes.JsonObject();
        foreach (var field in target.Fields.Where(_ => Chance(0.8)))
        {
            body[field.Name] = Type.GetTypeCode(field.Type) switch
            {
                TypeCode.Int32 or TypeCode.Int64 => random.Next(-5, 200),
                TypeCode.Boolean => Chance(0.5),
                _ when field.Name.Contains("mail", StringComparison.OrdinalIgnoreCase) => $"fuzz{random.Next(1000)}@example.com",
                _ when field.Name.Contains("token", StringComparison.OrdinalIgnoreCase) && KnownTokens.Length > 0 && Chance(0.5) => Pick(KnownTokens),
                _ => Chance(0.5) ? $"fuzz-value-{random.Next(1000)}" : SafeText(Pick(NastyStrings)),
            };
        }
        return body;
    }

    private string WrongTypes(FuzzTarget target) =>
        "{" + string.Join(',', target.Fields.Select(f => $"{Quote(f.Name)}:{Pick(["5", "-0", "1.5", "true", "null", "[]", "{}", "[1,\"a\"]", "{\"a\":{}}", "\"\"", "\"2024-13-45\"", "1e3"])}")) + "}";

    private string HugeNumbers(FuzzTarget target) =>
        "{" + string.Join(',', target.Fields.Select(f => $"{Quote(f.Name)}:{Pick(["1e400", "-1e400", "1e-400", "99999999999999999999999999999999", "-9223372036854775809", "2147483648", "-2147483649", "0.0000000000000000000000001", "123456789012345678901234567890.5", "NaN", "Infinity", "0x10", "01"])}")) + "}";

    private string HugeStrings(FuzzTarget target) =>
        "{" + string.Join(',', target.Fields.Select(f =>
        {
            var unit = Pick(["a", "é", "😀", "\\u0000", "\\ud800", "<b>", "'", "\\\\", "%00"]);
            return $"{Quote(f.Name)}:\"{string.Concat(Enumerable.Repeat(unit, random.Next(100, 60_000 / Math.Max(1, target.Fields.Count) / unit.Length)))}\"";
        })) + "}";

    private string DuplicateKeys(FuzzTarget target)
    {
        var names = target.Fields.Count > 0 ? target.Fields.Select(f => f.Name).ToList() : ["a"];
        var pairs = Enumerable.Range(0, random.Next(2, 8)).Select(_ =>
        {
            var name = Pick(names);
            return $"{Quote(Chance(0.3) ? name.ToUpperInvariant() : name)}:{Pick(["1", "\"a\"", "null", "\"fuzz@example.com\"", "true", "[]"])}";
        });
        return "{" + string.Join(',', pairs) + "}";
    }

    private string Form(FuzzTarget target) =>
        string.Join('&', target.Fields.Select(f => $"{f.Name}={Pick(["%ZZ", "%C3%28", "a+b", "%00", "=", "&", Uri.EscapeDataString(SafeText(Pick(NastyStrings))), new string('x', random.Next(1, 500))])}"))
        + Pick(["", "&", "&&==&", "&=x", "&%=%"]);

    private string Multipart(FuzzTarget target)
    {
        var parts = target.Fields.Select(f => $"--fuzz\r\nContent-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{SafeText(Pick(NastyStrings))}\r\n");
        var text = string.Concat(parts) + Pick(["--fuzz--\r\n", "--fuzz", "", "--other--\r\n", "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nxx\r\n--fuzz--\r\n"]);
        return Chance(0.3) ? text[..random.Next(text.Length + 1)] : text;
    }

    private static string Nested(int depth) =>
        depth % 2 == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private byte[] InvalidUtf8(FuzzTarget target)
    {
        var name = target.Fields.Count > 0 ? Pick(target.Fields).Name : "a";
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80]];
        return [.. Utf8($"{{\"{name}\":\"a"), .. Pick(bad), .. Utf8("b\"}")];
    }

    private byte[] Mutate(byte[] bytes)
    {
        var list = bytes.ToList();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var at = random.Next(list.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < list.Count: list[at] = (byte)random.Next(256); break;
                case 1 when at < list.Count: list.RemoveAt(at); break;
                case 2: list.Insert(at, (byte)Pick("{}[]\",:\\0-eE.nt"u8.ToArray())); break;
                case 3: list.RemoveRange(at, list.Count - at); break;
                default: list.InsertRange(at, list.Take(random.Next(1, 40)).ToList()); break;
            }
        }
        return [.. list];
    }

    private List<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => headers.Add(new(name, value));
        if (KnownTokens.Length > 0 && Chance(0.4))
            Add("Authorization", "Bearer " + Pick(KnownTokens));
        else if (Chance(0.2))
            Add("Authorization", Pick(["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "bearer  x", "Bearer " + new string('A', 9000), "Bearer ümlaut.日本.🙂", "Bearer eyJhbGciOiJub25lIn0.e30."]));
        if (Chance(0.1))
            Add("Cookie", Pick(["ss-tok=junk", "ss-reftok=junk; ss-tok=", "ss-tok=" + new string('x', 5000), "=;;=;", "ss-tok=a.b.c; ss-tok=d.e.f"]));
        if (Chance(0.1))
            Add("X-Forwarded-For", Pick(["1.2.3.4", "::1", "not-an-ip", "1.2.3.4, 5.6.7.8, junk", new string('9', 500)]));
        if (Chance(0.1))
            Add("Origin", Pick(["https://evil.example", "null", "http://localhost:5000", "://"]));
        if (Chance(0.1))
            Add("Accept", Pick(["application/xml", "text/html", "*/*;q=x", "", "application/json;;;", "image/png"]));
        if (Chance(0.05))
            Add("Content-Encoding", Pick(["gzip", "br", "identity", "x-junk"]));
        if (Chance(0.05))
            Add("X-HTTP-Method-Override", Pick(["DELETE", "PUT", "JUNK"]));
        if (Chance(0.1))
            Add($"X-Fuzz-{random.Next(100)}", SafeText(Pick(NastyStrings)).Replace("\r", "").Replace("\n", "") + new string('h', random.Next(0, 2000)));
        return headers;
    }

    private string Guid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString(Chance(0.8) ? "D" : "N", CultureInfo.InvariantCulture);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A lone surrogate cannot be encoded as UTF-8; it travels as a JSON escape instead (see HugeStrings).</summary>
    private static string SafeText(string text) => text is "\ud800" or "\udfff" ? "lone surrogate" : text;

    private static string Quote(string name) => JsonSerializer.Serialize(name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
