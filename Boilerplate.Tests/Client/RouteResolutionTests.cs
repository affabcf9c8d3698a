using System.Runtime.Serialization;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using ServiceStack;

namespace Boilerplate.Tests.Client;

/// <summary>Which verb and URL the typed client sends a request DTO to, without a server.</summary>
public class RouteResolutionTests
{
    [Test]
    public void A_route_variable_is_filled_from_the_property_with_that_wire_name()
    {
        var target = RequestRoutes.Resolve(new GetUser { PublicId = "abc" }, "GET");

        Assert.That(target.Url, Is.EqualTo("/user/abc"));
        Assert.That(target.Body, Is.Null);
    }

    [Test]
    public void Properties_outside_the_path_go_to_the_query_string_under_their_wire_names()
    {
        Assert.That(RequestRoutes.Resolve(new GetUsers { Page = 2, PerPage = 5 }, "GET").Url, Is.EqualTo("/user?page=2&per_page=5"));
        Assert.That(RequestRoutes.Resolve(new GetUsers { PerPage = 5 }, "GET").Url, Is.EqualTo("/user?per_page=5"), "nulls are left out");
        Assert.That(RequestRoutes.Resolve(new GetUsers(), "GET").Url, Is.EqualTo("/user"));
    }

    [Test]
    public void The_current_user_goes_to_its_own_literal_route()
    {
        Assert.That(RequestRoutes.Resolve(new GetCurrentUser(), "GET").Url, Is.EqualTo("/user/me"));
    }

    [Test]
    public void A_dto_without_a_route_goes_to_the_predefined_api_route()
    {
        var target = RequestRoutes.Resolve(new Ping { Text = "hi" }, "POST");

        Assert.That(target.Url, Is.EqualTo("/api/Ping"));
        Assert.That(target.Body?.ToJsonString(), Is.EqualTo("""{"text":"hi"}"""));
    }

    [Test]
    public void A_route_whose_variable_has_no_value_is_not_used()
    {
        Assert.That(RequestRoutes.Resolve(new GetUser(), "GET").Url, Is.EqualTo("/api/GetUser"));
        Assert.That(RequestRoutes.Resolve(new GetUser { PublicId = "" }, "GET").Url, Is.EqualTo("/api/GetUser?public_id="),
            "an empty value would make /user/, another route; it travels in the query instead");
    }

    [Test]
    public void A_route_for_another_verb_is_not_used()
    {
        Assert.That(RequestRoutes.Resolve(new GetUser { PublicId = "abc" }, "DELETE").Url, Is.EqualTo("/api/GetUser?public_id=abc"));
    }

    [Test]
    public void The_route_that_takes_the_most_variables_wins()
    {
        Assert.That(RequestRoutes.Resolve(new FindThings { Id = 5, Tags = ["x"] }, "GET").Url, Is.EqualTo("/things/5?tags=x"));
        Assert.That(RequestRoutes.Resolve(new FindThings { Tags = ["x"] }, "GET").Url, Is.EqualTo("/things?tags=x"));
    }

    [Test]
    public void Path_values_are_escaped_so_they_stay_one_segment()
    {
        Assert.That(RequestRoutes.Resolve(new GetUser { PublicId = "a b/c?d#e" }, "GET").Url, Is.EqualTo("/user/a%20b%2Fc%3Fd%23e"));
    }

    [Test]
    public void A_catch_all_variable_keeps_its_slashes_and_escapes_the_rest()
    {
        Assert.That(RequestRoutes.Resolve(new GetFile { Path = "docs/read me.txt" }, "GET").Url, Is.EqualTo("/files/docs/read%20me.txt"));
    }

    [Test]
    public void Query_values_are_escaped_lists_comma_joined_and_dates_iso()
    {
        var query = new FindThings
        {
            Tags = ["a", "b&c"],
            Archived = true,
            Since = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };

        Assert.That(RequestRoutes.Resolve(query, "GET").Url,
            Is.EqualTo("/things?tags=a%2Cb%26c&archived=true&since=2024-01-02T03%3A04%3A05.0000000Z"));
    }

    [Test]
    public void A_variable_names_a_property_by_its_csharp_name_in_any_case_and_leaves_the_body()
    {
        var target = RequestRoutes.Resolve(new UpdateThing { ThingId = 7, Name = "new" }, "PUT");

        Assert.That(target.Url, Is.EqualTo("/things/7"));
        Assert.That(target.Body?.ToJsonString(), Is.EqualTo("""{"name":"new"}"""), "the path variable is not repeated in the body");
    }

    [Test]
    public void A_body_uses_wire_names_and_leaves_out_nulls()
    {
        var target = RequestRoutes.Resolve(new CreateUser { Email = "a@example.com", Password = "secret-123" }, "POST");

        Assert.That(target.Url, Is.EqualTo("/user"));
        Assert.That(target.Body?.ToJsonString(), Is.EqualTo("""{"email":"a@example.com","password":"secret-123"}"""));
    }

    [TestCase(typeof(GetUser), "GET", Description = "IGet marker")]
    [TestCase(typeof(Login), "POST", Description = "IPost marker")]
    [TestCase(typeof(Marked), "DELETE", Description = "the marker wins over the routes")]
    [TestCase(typeof(UpdateThing), "PUT", Description = "the one verb of its route")]
    [TestCase(typeof(FindThings), "GET", Description = "the one verb of both its routes")]
    [TestCase(typeof(TwoVerbs), "POST", Description = "routes with different verbs")]
    [TestCase(typeof(Ping), "POST", Description = "no marker and no route")]
    public void The_verb_comes_from_the_marker_then_the_routes_then_defaults_to_post(Type requestType, string verb)
    {
        Assert.That(PreferredVerb.Of(requestType), Is.EqualTo(verb));
    }

    public class Ping : IReturn<StatusResponse>
    {
        public string? Text { get; set; }
    }

    [Route("/files/{Path*}", "GET")]
    public class GetFile : IReturn<StatusResponse>
    {
        public string? Path { get; set; }
    }

    [Route("/things", "GET")]
    [Route("/things/{Id}", "GET")]
    public class FindThings : IReturn<StatusResponse>
    {
        public int? Id { get; set; }
        public List<string>? Tags { get; set; }
        public bool? Archived { get; set; }
        public DateTime? Since { get; set; }
    }

    [Route("/things/{thingid}", "PUT")]
    public class UpdateThing : IReturn<StatusResponse>
    {
        [DataMember(Name = "thing_id")]
        public int ThingId { get; set; }
        public string? Name { get; set; }
    }

    [Route("/marked", "GET")]
    public class Marked : IReturn<StatusResponse>, IDelete;

    [Route("/two", "GET")]
    [Route("/two", "POST")]
    public class TwoVerbs : IReturn<StatusResponse>;
}
