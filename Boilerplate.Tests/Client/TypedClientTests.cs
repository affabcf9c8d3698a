using Boilerplate.ServiceModel;
using Boilerplate.Tests.Support;
using ServiceStack;

namespace Boilerplate.Tests.Client;

/// <summary>The API as a .NET caller sees it through the typed client and the shared DTOs.</summary>
[OnEachDatabase]
public class TypedClientTests(DatabaseKind kind) : ApiFixture(kind)
{
    private JsonServiceClient Client(string? token = null) => new(Factory.CreateClient()) { BearerToken = token };

    [Test]
    public async Task A_user_registers_signs_in_is_found_by_an_admin_and_logs_out()
    {
        var name = UniqueName();
        var client = Client();

        var registered = await client.PostAsync(new CreateUser { Email = $"{name}@example.com", Username = name, Password = "password-123" });
        Assert.That(registered.Message, Is.EqualTo("Successfully registered."));

        client.BearerToken = registered.Authorization;
        var me = await client.GetAsync(new GetCurrentUser());
        Assert.That(me.Username, Is.EqualTo(name));
        Assert.That(me.Email, Is.EqualTo($"{name}@example.com"));
        Assert.That(me.Admin, Is.False);
        Assert.That(Guid.TryParse(me.PublicId, out _), Is.True, "public_id is read into PublicId");

        // SendAsync picks the verb itself: Login is IPost.
        var login = await client.SendAsync(new Login { Email = $"{name}@example.com", Password = "password-123" });
        Assert.That(login.Status, Is.EqualTo("success"));
        client.BearerToken = login.Authorization;

        var admin = Client(await Factory.CreateAdminAsync(UniqueName("admin")));
        var users = await admin.GetAsync(new GetUsers { Page = 1, PerPage = 50 });
        Assert.That(users.PerPage, Is.EqualTo(50), "per_page travels both ways");
        Assert.That(users.Data.Select(u => u.PublicId), Does.Contain(me.PublicId));

        var found = await admin.SendAsync(new GetUser { PublicId = me.PublicId });
        Assert.That(found.Username, Is.EqualTo(name));

        var loggedOut = await client.PostAsync(new Logout());
        Assert.That(loggedOut.Message, Is.EqualTo("Successfully logged out."));

        var error = Assert.ThrowsAsync<WebServiceException>(() => client.GetAsync(new GetCurrentUser()));
        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(error.ErrorCode, Is.EqualTo("TokenException"));
        Assert.That(error.ErrorMessage, Is.EqualTo("Token blacklisted. Please log in again."));
    }

    [Test]
    public async Task Registering_a_taken_email_throws_409_already_exists()
    {
        var name = UniqueName();
        var client = Client();
        await client.PostAsync(new CreateUser { Email = $"{name}@example.com", Username = name, Password = "password-123" });

        var error = Assert.ThrowsAsync<WebServiceException>(() =>
            client.PostAsync(new CreateUser { Email = $"{name}@example.com", Username = UniqueName(), Password = "password-123" }));

        Assert.That(error.StatusCode, Is.EqualTo(409));
        Assert.That(error.ErrorCode, Is.EqualTo("AlreadyExists"));
        Assert.That(error.ErrorMessage, Is.EqualTo("User already exists. Please Log in."));
        Assert.That(error.ResponseBody, Does.Contain("\"status\":\"fail\""), "the raw body is kept");
    }

    [Test]
    public void An_empty_registration_throws_400_naming_every_missing_field()
    {
        var error = Assert.ThrowsAsync<WebServiceException>(() => Client().PostAsync(new CreateUser()));

        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.GetFieldErrors().Select(e => e.FieldName), Is.EquivalentTo(new[] { "email", "username", "password" }));
        Assert.That(error.GetFieldErrors().Select(e => e.ErrorCode), Is.All.EqualTo("NotEmpty"));
        Assert.That(error.ErrorMessage, Is.EqualTo("email is required."), "the first field's message is the headline");
    }

    [Test]
    public async Task Listing_users_as_a_non_admin_throws_403()
    {
        var name = UniqueName();
        var registered = await Client().PostAsync(new CreateUser { Email = $"{name}@example.com", Username = name, Password = "password-123" });

        var error = Assert.ThrowsAsync<WebServiceException>(() => Client(registered.Authorization).GetAsync(new GetUsers()));

        Assert.That(error.StatusCode, Is.EqualTo(403));
        Assert.That(error.ErrorCode, Is.EqualTo("Forbidden"));
        Assert.That(error.ErrorMessage, Is.EqualTo("admin token required (this needs the users.read permission)"));
    }

    [TestCase("00000000-0000-0000-0000-000000000000")]
    [TestCase("not/a uuid?", Description = "escaped into one path segment, so it reaches GetUser rather than no route")]
    public async Task An_unknown_public_id_throws_404_user_not_found(string publicId)
    {
        var admin = Client(await Factory.CreateAdminAsync(UniqueName("admin")));

        var error = Assert.ThrowsAsync<WebServiceException>(() => admin.GetAsync(new GetUser { PublicId = publicId }));

        Assert.That(error.StatusCode, Is.EqualTo(404));
        Assert.That(error.ErrorCode, Is.EqualTo("NotFound"));
        Assert.That(error.ErrorMessage, Is.EqualTo("User not found."));
        Assert.That(error.Message, Is.EqualTo("User not found."));
    }
}
