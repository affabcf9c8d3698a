using Microsoft.Playwright;

namespace Boilerplate.Tests.Support;

/// <summary>Debian's Chromium, driven by Playwright with no browser download; screenshots go to TestResults/screenshots/.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static readonly string Screenshots = System.IO.Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    /// <summary>Playwright's driver with Chromium launched in it; disposing closes both.</summary>
    public sealed class Launched(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public IBrowser Browser => browser;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The browser for a fixture; without Chromium installed the fixture is skipped, saying why.</summary>
    public static async Task<Launched> LaunchAsync()
    {
        if (!File.Exists(Path))
            Assert.Ignore($"{Path} is not installed (apt-get install chromium); the browser tests need it.");
        Directory.CreateDirectory(Screenshots);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Launched(playwright, browser);
    }

    public static string Screenshot(string name) => System.IO.Path.Combine(Screenshots, name + ".png");
}
