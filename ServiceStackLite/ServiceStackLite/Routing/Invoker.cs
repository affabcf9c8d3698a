using System.Linq.Expressions;
using System.Reflection;

namespace ServiceStack.Routing;

/// <summary>Compiles a service method into a delegate once, so a request pays no reflection.</summary>
internal static class Invoker
{
    /// <remarks>
    /// Compiled on its first call rather than at start: a host has dozens of methods, and
    /// compiling them all delayed its first answer by a twentieth of a second.
    /// </remarks>
    public static ServiceMethod For(MethodInfo method)
    {
        var invoke = new Lazy<Func<object, object, Task<object?>>>(() => Compile(method));
        return new ServiceMethod(method, (service, request) => invoke.Value(service, request));
    }

    private static Func<object, object, Task<object?>> Compile(MethodInfo method)
    {
        var service = Expression.Parameter(typeof(object), "service");
        var request = Expression.Parameter(typeof(object), "request");
        var call = Expression.Call(
            Expression.Convert(service, method.DeclaringType!),
            method,
            Expression.Convert(request, method.GetParameters()[0].ParameterType));

        var returnType = method.ReturnType;
        Func<object, object, Task<object?>> invoke;
        if (returnType == typeof(void))
        {
            var action = Expression.Lambda<Action<object, object>>(call, service, request).Compile();
            invoke = (s, r) => { action(s, r); return Task.FromResult<object?>(null); };
        }
        else if (returnType == typeof(Task))
        {
            var func = Expression.Lambda<Func<object, object, Task>>(call, service, request).Compile();
            invoke = async (s, r) => { await func(s, r); return null; };
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var adapt = typeof(Invoker).GetMethod(nameof(AwaitResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0]);
            var func = Expression.Lambda<Func<object, object, Task<object?>>>(
                Expression.Call(adapt, call), service, request).Compile();
            invoke = func;
        }
        else
        {
            var func = Expression.Lambda<Func<object, object, object?>>(
                Expression.Convert(call, typeof(object)), service, request).Compile();
            invoke = (s, r) => Task.FromResult(func(s, r));
        }
        return invoke;
    }

    private static async Task<object?> AwaitResult<T>(Task<T> task) => await task.ConfigureAwait(false);
}
