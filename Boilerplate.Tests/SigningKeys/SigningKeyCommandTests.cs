using Boilerplate.Host.Cli;
using Boilerplate.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Boilerplate.Tests.SigningKeys;

/// <summary><c>keys list|rotate|revoke</c>: the same as the admin API, for an operator at the host.</summary>
[OnEachDatabase]
public class SigningKeyCommandTests(DatabaseKind kind) : ApiFixture(kind)
{
    [Test]
    public async Task Keys_rotate_now_makes_the_signing_key_and_keys_list_shows_both()
    {
        var old = new JsonWebToken(await Api.RegisterAsync(UniqueName())).Kid;

        var (rotated, made, _) = await Run("keys", "rotate", "--now");
        var (listed, list, _) = await Run("keys", "list");

        Assert.That((rotated, listed), Is.EqualTo((0, 0)));
        var kid = made.Split(' ')[3].TrimEnd(',');
        Assert.That(made, Does.StartWith($"made ES256 key {kid}, published now, signing from "));
        Assert.That(list, Does.Match($@"{kid}\s+ES256\s+signing"));
        Assert.That(list, Does.Match($@"{old}\s+ES256\s+verifying"));
        Assert.That(new JsonWebToken(await Api.RegisterAsync(UniqueName())).Kid, Is.EqualTo(kid));
    }

    [Test]
    public async Task Keys_revoke_refuses_the_keys_tokens_and_an_unknown_kid_is_a_usage_error()
    {
        await Run("keys", "rotate", "--now");
        var token = await Api.RegisterAsync(UniqueName());

        var (revoked, said, _) = await Run("keys", "revoke", new JsonWebToken(token).Kid);
        var (unknown, _, error) = await Run("keys", "revoke", "no-such-kid");

        Assert.That(revoked, Is.EqualTo(0));
        Assert.That(said, Does.Contain("every host refuses its tokens within a second"));
        Assert.That((await Api.GetAsync("/user/me", token)).Status, Is.EqualTo(401));
        Assert.That(unknown, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no signing key has the kid 'no-such-kid'"));
    }

    private async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CommandLine(() => Factory.Services, () => Task.CompletedTask, output, error).RunAsync(args);
        return (exitCode, output.ToString(), error.ToString());
    }
}
