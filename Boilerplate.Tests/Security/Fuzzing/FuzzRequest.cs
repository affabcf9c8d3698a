using System.Net.Http.Headers;
using System.Text;

namespace Boilerplate.Tests.Security.Fuzzing;

/// <summary>One request the fuzzer sends, described well enough to read in a failure and send again.</summary>
public sealed record FuzzRequest(int Number, string Kind, string Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null || ContentType is not null)
        {
            message.Content = new ByteArrayContent(Body ?? []);
            if (ContentType is not null)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes: {Preview(Body)}";
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {Preview(Encoding.UTF8.GetBytes(h.Value))}"));
        return $"#{Number} [{Kind}] {Method} {Preview(Encoding.UTF8.GetBytes(Path))} ({ContentType ?? "no content type"}; {headers}) {body}";
    }

    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 120));
        return bytes.Length > 120 ? text + "…" : text;
    }
}

/// <summary>What came back, reduced to what the checks need.</summary>
public sealed record FuzzResponse(int Status, string Text, MediaTypeHeaderValue? ContentType);
