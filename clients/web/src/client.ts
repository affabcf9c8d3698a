import { JsonServiceClient } from "@servicestack/client";

/**
 * The one client every page uses. Same origin, so the HttpOnly token cookies ride each call and
 * the stock client renews an expired access token through the refresh cookie.
 */
export const client = new JsonServiceClient("/");

// The server refuses a cookie-signed write that another site's form could have sent; this header
// is how a script says a write is its own (a DELETE carries no JSON body to say it).
client.headers.set("X-Requested-With", "XMLHttpRequest");

// The app runs only in cookie mode: an expired access token is renewed through the HttpOnly
// refresh cookie, which a reloaded page cannot see but still sends.
client.useTokenCookie = true;
