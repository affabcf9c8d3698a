using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using ServiceStack.Binding;
using ServiceStack.Errors;
using ServiceStack.Routing;

namespace ServiceStack;

/// <summary>
/// Serves one request for one operation: guard, bind, validate, call the service, write the result.
/// Any failure on the way becomes an error response through <see cref="ErrorResponder"/>.
/// </summary>
public sealed class ServiceDispatcher(ServiceCatalog catalog, RequestBinder binder, ErrorResponder errors, ServiceStackLiteOptions options)
{
    /// <summary>Response header of a failed batch: how many of its requests were done before the failure.</summary>
    public const string BatchCompletedHeader = "X-AutoBatch-Completed";

    /// <summary>A request on one of the operation's own <c>[Route]</c>s.</summary>
    public Task HandleAsync(HttpContext context, Operation operation) =>
        GuardAsync(context, operation, async () =>
        {
            var request = await binder.BindAsync(context, operation.RequestType, RouteKind.Custom);
            await WriteResultAsync(context, await ExecuteAsync(context, operation, request));
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

        await GuardAsync(context, operation, async () =>
        {
            if (!isBatch)
            {
                var request = await binder.BindAsync(context, operation.RequestType, RouteKind.Predefined);
                await WriteResultAsync(context, await ExecuteAsync(context, operation, request));
                return;
            }

            if (!options.AllowBatch(operation))
                throw HttpError.BadRequest($"{operation.Name} cannot be sent in a batch.", "BatchNotAllowed");
            var requests = await binder.BindBatchAsync(context, operation.RequestType);
            var results = new List<object?>(requests.Count);
            foreach (var request in requests)
            {
                // Stop at the first failure, saying how many went through, as ServiceStack does.
                context.Response.Headers[BatchCompletedHeader] = results.Count.ToString(CultureInfo.InvariantCulture);
                results.Add(await ExecuteAsync(context, operation, request));
            }
            context.Response.Headers.Remove(BatchCompletedHeader);
            await WriteResultAsync(context, results);
        });
    }

    /// <summary>Checks the verb and the guard, runs <paramref name="serve"/>, and turns any failure into an error response.</summary>
    private async Task GuardAsync(HttpContext context, Operation operation, Func<Task> serve)
    {
        try
        {
            if (operation.MethodFor(context.Request.Method) is null)
                throw new HttpError(405, "MethodNotAllowed", $"{operation.Name} does not accept {context.Request.Method}.");
            await AuthorizeAsync(context, operation);
            await serve();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, e, operation.RequestType);
        }
    }

    private async Task<object?> ExecuteAsync(HttpContext context, Operation operation, object request)
    {
        await ValidateAsync(context, operation, request);
        var service = operation.CreateService(context.RequestServices);
        service.HttpContext = context;
        return await operation.MethodFor(context.Request.Method)!.Invoke(service, request);
    }

    private async Task AuthorizeAsync(HttpContext context, Operation operation)
    {
        if (operation.Guard is not { } guard)
            return;

        var result = await context.AuthenticateAsync();
        if (result.None)
            throw new HttpError(guard.StatusCode, guard.StatusCode == 403 ? "Forbidden" : "Unauthorized", options.NotAuthenticatedMessage);
        if (!result.Succeeded)
            throw result.Failure as TokenException ?? new TokenException(options.InvalidTokenMessage);

        context.User = result.Principal;
        foreach (var role in operation.RequiredRoles)
        {
            if (!context.User.IsInRole(role))
                throw HttpError.Forbidden(options.MissingRoleMessage(role));
        }
    }

    private static async Task ValidateAsync(HttpContext context, Operation operation, object request)
    {
        if (context.RequestServices.GetService(operation.ValidatorType) is not IValidator validator)
            return;
        var result = await validator.ValidateAsync(new ValidationContext<object>(request), context.RequestAborted);
        if (!result.IsValid)
            throw new ValidationException(result.Errors);
    }

    private async Task WriteResultAsync(HttpContext context, object? result)
    {
        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await context.Response.WriteAsJsonAsync(result, result.GetType(), options.Json, context.RequestAborted);
    }
}
