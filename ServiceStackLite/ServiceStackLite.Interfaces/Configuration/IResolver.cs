namespace ServiceStack.Configuration;

public interface IResolver
{
    /// <summary>The registered service of type <typeparamref name="T"/>, or default when there is none.</summary>
    T TryResolve<T>();
}
