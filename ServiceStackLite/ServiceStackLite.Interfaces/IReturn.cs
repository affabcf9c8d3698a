namespace ServiceStack;

/// <summary>Marks a request DTO; the generic form names its response type.</summary>
public interface IReturn;

public interface IReturn<T> : IReturn;

/// <summary>A request DTO whose service returns nothing (answered with 204).</summary>
public interface IReturnVoid : IReturn;

/// <summary>Verb markers: the preferred HTTP verb of a request DTO, used by generated clients.</summary>
public interface IVerb;
public interface IGet : IVerb;
public interface IPost : IVerb;
public interface IPut : IVerb;
public interface IPatch : IVerb;
public interface IDelete : IVerb;
