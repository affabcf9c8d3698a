using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Boilerplate.Host;

/// <summary>
/// The account pages (clients/web, built into <c>account-app/</c>) at <c>/account/</c>, where the
/// mail links lead. Any page path answers the app's index.html and the app routes it; without a
/// build the page says what is missing instead. The pages ask for their tokens as HttpOnly cookies
/// (<c>useTokenCookie</c>), so they work beside bearer-token clients on every deployment.
/// </summary>
public static class ConfigureAccountApp
{
    public const string Folder = "account-app";

    // Hashed file names under assets/ change with their content, so a browser may keep them.
    private const string AssetsCache = "public, max-age=31536000, immutable";

    // The pages need nothing from another origin; QR codes come as data: images.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string NotBuilt = "The account pages are not built: run `make web` (or `cd clients/web && npm ci && npm run build`), then reload.";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication UseAccountApp(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, Folder);
        // Looked for again until found: `make web` may build the pages while the host runs.
        PhysicalFileProvider? files = null;

        app.MapGet("/account/{**path}", (HttpContext context, string? path) =>
        {
            // The route matches /account too; the app's relative asset paths need the slash.
            if (context.Request.Path.Value == "/account")
                return Results.Redirect("/account/");
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            // Mail links carry their token in the address; it must not leave in a Referer.
            headers["Referrer-Policy"] = "no-referrer";

            files ??= Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
            if (files is null)
                return Unavailable(NotBuilt);
            var asset = files.GetFileInfo(path ?? "");
            if (path is { Length: > 0 } && asset is { Exists: true, IsDirectory: false, PhysicalPath: { } assetPath })
            {
                headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? AssetsCache : "no-cache";
                return Results.File(assetPath, ContentTypes.TryGetContentType(assetPath, out var type) ? type : "application/octet-stream", enableRangeProcessing: true);
            }
            var index = files.GetFileInfo("index.html");
            if (index.PhysicalPath is not { } indexPath || !index.Exists)
                return Unavailable(NotBuilt);
            headers.CacheControl = "no-cache";
            return Results.File(indexPath, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static IResult Unavailable(string message) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Account pages unavailable</title></head><body><main><h1>Account pages unavailable</h1><p>{System.Net.WebUtility.HtmlEncode(message)}</p></main></body></html>",
        "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
