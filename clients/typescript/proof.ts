// The checks, written as a TypeScript front end would: the stock JsonServiceClient and the DTOs
// that ServiceStack's CLI generated from this server.
import { JsonServiceClient } from "@servicestack/client";
import { CreateUser, GetCurrentUser, GetUser, GetUsers, Login, Logout } from "./dtos";

// Node's own process object; declared here rather than pulling in @types/node for one line.
declare const process: { argv: string[] };

const baseUrl = process.argv[2];
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail?: unknown): void {
  if (ok) passed++; else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
}

async function error(call: () => Promise<unknown>): Promise<any> {
  try {
    await call();
    return undefined;
  } catch (e) {
    return e;
  }
}

async function main(): Promise<void> {
  const client = new JsonServiceClient(baseUrl);
  const suffix = Date.now().toString(36);
  const email = `ts-${suffix}@example.com`;
  const username = `ts_${suffix}`;

  const registered = await client.post(new CreateUser({ email, username, password: "password-123" }));
  check("register answers with a token", typeof registered.Authorization === "string" && registered.Authorization.length > 20, registered);

  const login = await client.post(new Login({ email, password: "password-123" }));
  check("login answers success", login.status === "success" && login.message === "Successfully logged in.", login);

  client.bearerToken = login.Authorization;
  const me = await client.get(new GetCurrentUser());
  check("get me with the bearer token", me.username === username && me.email === email, me);

  const one = await client.get(new GetUser({ public_id: me.public_id }));
  check("get a user by public_id", one.public_id === me.public_id, one);

  const admin = new JsonServiceClient(baseUrl);
  admin.bearerToken = (await admin.post(new Login({ email: "admin@example.com", password: "admin-password-1" }))).Authorization;
  const users = await admin.get(new GetUsers({ page: 1, per_page: 10 }));
  check("list users as admin", users.total >= 2 && users.per_page === 10 && users.data.some((u) => u.public_id === me.public_id), users);

  const duplicate = await error(() => client.post(new CreateUser({ email, username: `${username}_2`, password: "password-123" })));
  check("a taken email is a 409 AlreadyExists", duplicate?.responseStatus?.errorCode === "AlreadyExists"
    && duplicate?.responseStatus?.message === "User already exists. Please Log in.", duplicate);

  const invalid = await error(() => client.post(new CreateUser({ email: "nope", username: "x", password: "short" })));
  const fields = (invalid?.responseStatus?.errors ?? []).map((e: { fieldName: string }) => e.fieldName);
  check("a 400 names every bad field", JSON.stringify(fields) === JSON.stringify(["email", "username", "password"]), invalid);

  const forbidden = await error(() => client.get(new GetUsers()));
  check("a non-admin listing users gets admin token required", forbidden?.responseStatus?.message === "admin token required", forbidden);

  const logout = await client.post(new Logout());
  check("logout answers success", logout.status === "success" && logout.message === "Successfully logged out.", logout);

  const refused = await error(() => client.get(new GetCurrentUser()));
  check("the logged-out token is refused", refused?.responseStatus?.errorCode === "TokenException"
    && refused?.responseStatus?.message === "Token blacklisted. Please log in again.", refused);
}

main()
  .catch((e) => check("the checks ran to the end", false, e?.responseStatus ?? String(e)))
  .finally(() => console.log(`${passed} passed, ${failed} failed`));
