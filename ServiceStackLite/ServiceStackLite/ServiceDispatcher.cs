using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using ServiceStack.Binding;
using ServiceStack.Errors;
using ServiceStack.Host;
using ServiceStack.Routing;
using ServiceStackLite;

namespace ServiceStack;

/// <summary>
/// Serves one request for one operation, in ServiceStack's order: secrets in the URL refused, verb,
/// rate limit, guard, bind, validate, call the service, write the result. Any failure on the way becomes an error response
/// through <see cref="ErrorResponder"/>.
/// </summary>
public sealed class ServiceDispatcher(
    ServiceCatalog catalog, RequestBinder binder, ErrorResponder errors, ServiceStackLiteOptions options, IRequestRateLimiter? rateLimiter = null)
{
    /// <summary>Response header of a failed batch: how many of its requests were done before the failure.</summary>
    public const string BatchCompletedHeader = "X-AutoBatch-Completed";

    /// <summary>A request on one of the operation's own <c>[Route]</c>s.</summary>
    public Task HandleAsync(HttpContext context, Operation operation) =>
        ServeAsync(new NetCoreRequest(context, operation, options), async request =>
        {
            request.Dto = await binder.BindAsync(request, RouteKind.Custom);
            await WriteResultAsync(request, await ExecuteAsync(request, request.Dto));
        });

    /// <summary>
    /// A request on a pre-defined route, where the operation is named in the path:
    /// <c>GetUser</c>, <c>getuser.json</c>, or <c>CreateUser[]</c> for a batch.
    /// </summary>
    public async Task HandlePredefinedAsync(HttpContext context, string requestName)
    {
        var (name, isBatch) = RequestOperation.Parse(requestName);

        if (catalog.Find(name) is not { } operation)
        {
            // ServiceStack answers an unknown operation with NotImplementedException, a 405.
            await errors.WriteAsync(context, new HttpError(405, "NotImplementedException", $"The operation '{name}' does not exist for this service."));
            return;
        }

        await ServeAsync(new NetCoreRequest(context, operation, options), async request =>
        {
            if (!isBatch)
            {
                request.Dto = await binder.BindAsync(request, RouteKind.Predefined);
                await WriteResultAsync(request, await ExecuteAsync(request, request.Dto));
                return;
            }

            var requests = await binder.BindBatchAsync(request);
            var results = new List<object?>(requests.Count);
            foreach (var dto in requests)
            {
                // Stop at the first failure, saying how many went through, as ServiceStack does.
                request.Response.AddHeader(BatchCompletedHeader, results.Count.ToString(CultureInfo.InvariantCulture));
                results.Add(await ExecuteAsync(request, dto));
                request.Response.RemoveHeader(BatchCompletedHeader);
            }
            await WriteResultAsync(request, results);
        }, isBatch);
    }

    /// <summary>Checks the verb, the rate limit and the guard, runs <paramref name="serve"/>, and turns any failure into an error response.</summary>
    private async Task ServeAsync(NetCoreRequest request, Func<NetCoreRequest, Task> serve, bool isBatch = false)
    {
        var operation = request.Operation;
        try
        {
            RequestBinder.RefuseSecretsInQuery(request);
            if (operation.MethodFor(request.Verb) is null)
                throw new HttpError(405, "MethodNotAllowed", $"{operation.Name} does not accept {request.Verb}.");
            if (operation.RateLimited)
                await LimitAsync(request, isBatch);
            if (operation.Guard is not null)
                await AuthorizeAsync(request);
            await serve(request);
        }
        catch (OperationCanceledException) when (request.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            await errors.WriteAsync(request.HttpContext, e, operation.RequestType);
        }
    }

    private async Task LimitAsync(NetCoreRequest request, bool isBatch)
    {
        if (isBatch)
            throw HttpError.BadRequest("BatchNotAllowed", $"{request.OperationName} cannot be sent in a batch.");
        if (await rateLimiter!.TryAcquireAsync(request, request.Operation.RateLimitBudget!) is not { } wait)
            return;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        throw new HttpError(429, "TooManyRequests", $"Too many requests: try again in {seconds} seconds.") { Headers = { ["Retry-After"] = seconds } };
    }

    private async Task AuthorizeAsync(NetCoreRequest request)
    {
        var guard = request.Operation.Guard!;
        var authentication = await request.AuthenticateAsync();
        if (authentication.None)
            throw new HttpError(guard.StatusCode, guard.StatusCode == 403 ? "Forbidden" : "Unauthorized", options.NotAuthenticatedMessage);
        if (!authentication.Succeeded)
            throw authentication.Failure;

        var caller = authentication.Principal!;
        if (caller.IsInRole(RoleNames.Admin))
            return;
        foreach (var role in request.Operation.RequiredRoles)
        {
            if (!caller.IsInRole(role))
                throw HttpError.Forbidden(options.MissingRoleMessage(role));
        }
        foreach (var permission in request.Operation.RequiredPermissions)
        {
            if (!caller.HasClaim(options.PermissionClaimType, permission))
                throw HttpError.Forbidden(options.MissingPermissionMessage(caller, permission));
        }
    }

    private async Task<object?> ExecuteAsync(NetCoreRequest request, object dto)
    {
        var operation = request.Operation;
        foreach (var filter in options.GlobalRequestFiltersAsync)
            await filter(request, request.Response, dto);
        await ValidateAsync(request, dto);
        var service = operation.CreateService(request.HttpContext.RequestServices);
        service.Request = request;
        return await operation.MethodFor(request.Verb)!.Invoke(service, dto);
    }

    private static async Task ValidateAsync(NetCoreRequest request, object dto)
    {
        if (request.GetService(request.Operation.ValidatorType) is not IValidator validator)
            return;
        var result = await validator.ValidateAsync(new ValidationContext<object>(dto), request.RequestAborted);
        if (!result.IsValid)
            throw new ValidationException(result.Errors);
    }

    private async Task WriteResultAsync(NetCoreRequest request, object? result)
    {
        var response = request.HttpContext.Response;
        if (result is null)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (CsvFormat.IsAsked(request.HttpContext.Request))
        {
            response.ContentType = CsvFormat.ContentType;
            await response.WriteAsync(CsvFormat.Write(result, options.Json), request.RequestAborted);
            return;
        }
        await response.WriteAsJsonAsync(result, result.GetType(), options.Json, request.RequestAborted);
    }
}
