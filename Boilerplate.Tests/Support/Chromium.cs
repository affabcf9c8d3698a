using Microsoft.Playwright;

namespace Boilerplate.Tests.Support;

/// <summary>Debian's Chromium, driven by Playwright with no browser download; screenshots go to TestResults/screenshots/.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static readonly string Screenshots = System.IO.Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    public static bool Installed => File.Exists(Path);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Directory.CreateDirectory(Screenshots);
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public static string Screenshot(string name) => System.IO.Path.Combine(Screenshots, name + ".png");
}
