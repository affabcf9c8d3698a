using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Boilerplate.ServiceInterface.Auth;
using Boilerplate.ServiceInterface.SignIn;
using Boilerplate.ServiceModel;
using Boilerplate.ServiceModel.Types;
using Microsoft.AspNetCore.Http;
using ServiceStack;
using ServiceStack.Binding;
using ServiceStack.Host;
using ServiceStack.Routing;

namespace Boilerplate.Benchmarks;

/// <summary>The message layer's per-request work: a DTO from the route or the body, and the user written back as JSON.</summary>
[MemoryDiagnoser]
public class DtoBindingBenchmarks
{
    private static readonly byte[] RegistrationBody = Encoding.UTF8.GetBytes(
        """{"email":"user1@bench.example","username":"user1","password":"bench-password-1"}""");
    private readonly ServiceStackLiteOptions options = new();
    private readonly string publicId = Guid.NewGuid().ToString();
    private RequestBinder binder = null!;
    private User user = null!;
    private Operation getUser = null!;
    private Operation createUser = null!;

    [GlobalSetup]
    public void Setup()
    {
        binder = new RequestBinder(options);
        user = new User { PublicId = publicId, Email = "user1@bench.example", Username = "user1", RegisteredOn = DateTime.UtcNow };
        var catalog = new ServiceCatalog([typeof(SignInServices).Assembly]);
        getUser = catalog.Find(nameof(GetUser))!;
        createUser = catalog.Find(nameof(CreateUser))!;
    }

    [Benchmark]
    public Task<object> BindGetUserFromRoute()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.RouteValues["public_id"] = publicId;
        return binder.BindAsync(new NetCoreRequest(context, getUser, options), RouteKind.Custom);
    }

    [Benchmark]
    public Task<object> BindCreateUserFromJson()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = RegistrationBody.Length;
        context.Request.Body = new MemoryStream(RegistrationBody, writable: false);
        return binder.BindAsync(new NetCoreRequest(context, createUser, options), RouteKind.Custom);
    }

    [Benchmark]
    public byte[] WriteUserJson() => JsonSerializer.SerializeToUtf8Bytes(user, typeof(User), options.Json);
}
