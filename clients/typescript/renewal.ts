// Renewal across three consecutive access-token expiries with the stock JsonServiceClient.
// Usage: node renewal.js BASE_URL cookie|body
import { JsonServiceClient } from "@servicestack/client";
import { Authenticate, CreateUser, GetCurrentUser } from "./dtos";

declare const process: { argv: string[] };

const [baseUrl, mode] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const client = new JsonServiceClient(baseUrl);
  const username = `renew_${mode}_${Date.now().toString(36)}`;
  await client.post(new CreateUser({ email: `${username}@example.com`, username, password: "password-123" }));
  // In cookie mode the sign-in asks for HttpOnly cookies, and the client renews through them by itself.
  const signIn = await client.post(new Authenticate({ provider: "credentials", userName: username, password: "password-123", useTokenCookie: mode === "cookie" }));
  if (mode === "body") {
    client.bearerToken = signIn.bearerToken ?? "";
    client.refreshToken = signIn.refreshToken ?? "";
  }

  for (let expiry = 1; expiry <= 3; expiry++) {
    await sleep(2500); // the server issues 2-second access tokens for this run
    try {
      const me = await client.get(new GetCurrentUser());
      console.log(me.username === username ? `renewed ${expiry}` : `wrong user after expiry ${expiry}`);
    } catch (e: any) {
      console.log(`failed ${expiry}: ${e?.responseStatus?.errorCode} ${e?.responseStatus?.message}`);
      return;
    }
  }
}

main().catch((e) => console.log(`failed: ${e?.responseStatus?.message ?? e}`));
