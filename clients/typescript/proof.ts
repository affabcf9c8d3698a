// The checks, written as a TypeScript front end would: the stock JsonServiceClient and the DTOs
// that ServiceStack's CLI generated from this server.
import { JsonServiceClient } from "@servicestack/client";
import { Authenticate, ConfirmTotp, CreateUser, EnrollTotp, GetCurrentUser, GetUser, GetUsers, Login, LoginMfa, Logout } from "./dtos";

// Node's own process object and crypto module; declared here rather than pulling in @types/node.
declare const process: { argv: string[] };
declare function require(name: "crypto"): { createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } } };

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

  // A sign-in answers tokens, or "mfa_required" and an mfa_token for LoginMfa; this account has no second factor.
  client.bearerToken = login.Authorization ?? "";
  const me = await client.get(new GetCurrentUser());
  check("get me with the bearer token", me.username === username && me.email === email, me);

  const one = await client.get(new GetUser({ public_id: me.public_id }));
  check("get a user by public_id", one.public_id === me.public_id, one);

  const admin = new JsonServiceClient(baseUrl);
  admin.bearerToken = (await admin.post(new Login({ email: "admin@example.com", password: "admin-password-1" }))).Authorization ?? "";
  const users = await admin.get(new GetUsers({ page: 1, per_page: 10 }));
  check("list users as admin", users.total >= 2 && users.per_page === 10 && users.data.some((u) => u.public_id === me.public_id), users);

  const duplicate = await error(() => client.post(new CreateUser({ email, username: `${username}_2`, password: "password-123" })));
  check("a taken email is a 409 AlreadyExists", duplicate?.responseStatus?.errorCode === "AlreadyExists"
    && duplicate?.responseStatus?.message === "User already exists. Please Log in.", duplicate);

  const invalid = await error(() => client.post(new CreateUser({ email: "nope", username: "x", password: "short" })));
  const fields = (invalid?.responseStatus?.errors ?? []).map((e: { fieldName: string }) => e.fieldName);
  check("a 400 names every bad field", JSON.stringify(fields) === JSON.stringify(["email", "username", "password"]), invalid);

  const forbidden = await error(() => client.get(new GetUsers()));
  check("a non-admin listing users gets admin token required, naming the permission", forbidden?.responseStatus?.message === "admin token required (this needs the users.read permission)", forbidden);

  const logout = await client.post(new Logout());
  check("logout answers success", logout.status === "success" && logout.message === "Successfully logged out.", logout);

  const refused = await error(() => client.get(new GetCurrentUser()));
  check("the logged-out token is refused", refused?.responseStatus?.errorCode === "TokenException"
    && refused?.responseStatus?.message === "Token blacklisted. Please log in again.", refused);

  await secondFactor(suffix);
}

/** An account with an authenticator app: Authenticate meets MfaRequired, and LoginMfa completes the sign-in. */
async function secondFactor(suffix: string): Promise<void> {
  const client = new JsonServiceClient(baseUrl);
  const email = `ts-mfa-${suffix}@example.com`;
  const signedUp = await client.post(new CreateUser({ email, username: `ts_mfa_${suffix}`, password: "password-123" }));
  client.bearerToken = signedUp.Authorization ?? "";
  const { secret } = await client.post(new EnrollTotp({ password: "password-123" }));
  const step = Math.floor(Date.now() / 30000);
  await client.post(new ConfirmTotp({ code: totp(secret, step - 1) }));

  const signIn = new JsonServiceClient(baseUrl);
  const required = await error(() => signIn.post(new Authenticate({ provider: "credentials", userName: email, password: "password-123" })));
  const mfaToken = required?.responseStatus?.meta?.mfa_token;
  check("Authenticate with a second factor on is MfaRequired with an mfa_token", required?.responseStatus?.errorCode === "MfaRequired"
    && typeof mfaToken === "string", required?.responseStatus);

  const completed = await signIn.post(new LoginMfa({ mfa_token: mfaToken, code: totp(secret, step) }));
  signIn.bearerToken = completed.Authorization ?? "";
  const me = await signIn.get(new GetCurrentUser());
  check("LoginMfa with the code completes the sign-in", me.email === email && me.mfa_enabled === true, me);
}

/** RFC 6238's six-digit code for a base32 secret at a 30-second step. */
function totp(base32: string, step: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const key: number[] = [];
  let buffer = 0, bits = 0;
  for (const c of base32.replace(/=+$/, "").toUpperCase()) {
    buffer = (buffer << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { bits -= 8; key.push((buffer >> bits) & 0xff); }
  }
  const counter = new Uint8Array(8);
  for (let i = 7, n = step; i >= 0; i--, n = Math.floor(n / 256)) counter[i] = n % 256;
  const mac = require("crypto").createHmac("sha1", Uint8Array.from(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return (binary % 1000000).toString().padStart(6, "0");
}

main()
  .catch((e) => check("the checks ran to the end", false, e?.responseStatus ?? String(e)))
  .finally(() => console.log(`${passed} passed, ${failed} failed`));
