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
public sealed class ServiceDispatcher(RequestBinder binder, ErrorResponder errors, ServiceStackLiteOptions options)
{
    public async Task HandleAsync(HttpContext context, Operation operation)
    {
        try
        {
            var method = operation.MethodFor(context.Request.Method)
                ?? throw new HttpError(405, "MethodNotAllowed", $"{operation.Name} does not accept {context.Request.Method}.");
            await AuthorizeAsync(context, operation);
            var request = await binder.BindAsync(context, operation.RequestType);
            await ValidateAsync(context, operation, request);

            var service = operation.CreateService(context.RequestServices);
            service.HttpContext = context;
            var result = await method.Invoke(service, request);
            await WriteResultAsync(context, result);
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
