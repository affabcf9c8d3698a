namespace ServiceStack.Web;

public interface ICookies
{
    /// <summary>Adds a Set-Cookie that makes the client drop the cookie.</summary>
    void DeleteCookie(string cookieName);
}
