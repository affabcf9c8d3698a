import { JsonServiceClient } from "@servicestack/client";

function sameOriginClient(): JsonServiceClient {
  const client = new JsonServiceClient("/");
  // The server refuses a cookie-signed write that another site's form could have sent; this header
  // is how a script says a write is its own (a DELETE carries no JSON body to say it).
  client.headers.set("X-Requested-With", "XMLHttpRequest");
  return client;
}

/**
 * The client for calls made with a session. Same origin, so the HttpOnly token cookies ride each
 * call, and an expired access token is renewed through the refresh cookie, which a reloaded page
 * cannot see but still sends.
 */
export const client = sameOriginClient();
client.useTokenCookie = true;

/**
 * The client for calls made without a session: signing in or up, and the pages a mail link opens.
 * Its 401 is the server's answer to show ("email or password does not match."), never a cue to
 * renew a session there is none of.
 */
export const anonymousClient = sameOriginClient();
anonymousClient.enableAutoRefreshToken = false;
