// Proves ServiceStack's own npm client and CLI work against this server unchanged:
// start the built host, generate dtos.ts with the CLI, compile it with tsc --strict, run the
// checks in proof.ts with the stock JsonServiceClient, then update the reference via the CLI.
// Then another service verifies the server's tokens with `jose` (resource-server.js).
// Ends with "N passed, M failed" and a non-zero exit code on any failure.
const { spawn, spawnSync } = require("node:child_process");
const { verifyAsResourceServer } = require("./resource-server.js");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const here = __dirname;
const root = path.resolve(here, "..", "..");
const hostDir = path.join(root, "Boilerplate.Host", "bin", "Debug", "net10.0");
const work = path.join(here, ".work");
const bin = (name) => path.join(here, "node_modules", ".bin", name);

const results = { passed: 0, failed: 0 };
function check(name, ok, detail) {
  if (ok) results.passed++; else results.failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `: ${detail}`}`);
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  return { code: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function runAsync(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Starts the built host with extra settings on a database of its own, runs use(baseUrl), stops it. */
async function withHost(settings, use) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...settings,
    BOILERPLATE_ENV: "test",
    DATABASE_URL: `sqlite:${path.join(os.tmpdir(), `ssboilerplate-proof-${port}.db`)}`,
    SERVICESTACK_TELEMETRY_OPTOUT: "1",
  };
  const host = spawn("dotnet", [path.join(hostDir, "Boilerplate.Host.dll"), "--urls", baseUrl], { cwd: hostDir, env, stdio: "ignore" });
  try {
    await waitUntilServing(baseUrl, host);
    return await use(baseUrl, env);
  } finally {
    host.kill();
  }
}

/** The stock client across three 2-second access-token expiries, on a host with these settings. */
async function renewal(name, settings, mode, expected) {
  const shortTokens = { Auth__AccessTokenLifetime: "00:00:02", Auth__ClockSkew: "00:00:00" };
  const { output } = await withHost({ ...shortTokens, ...settings }, (baseUrl) =>
    runAsync("node", [path.join(work, "out", "renewal.js"), baseUrl, mode], { cwd: work }));
  const lines = output.trim().split("\n");
  check(name, JSON.stringify(lines) === JSON.stringify(expected), output.trim());
}

async function waitUntilServing(baseUrl, host) {
  for (let i = 0; i < 100; i++) {
    if (host.exitCode !== null) throw new Error(`the host exited with ${host.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/GetCurrentUser`);
      if (response.status === 401) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the host did not start within 20 s");
}

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const build = run("dotnet", ["build", path.join(root, "Boilerplate.Host"), "-v", "quiet", "-nologo"]);
  if (build.code !== 0) throw new Error(`dotnet build failed:\n${build.output}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    BOILERPLATE_ENV: "test",
    DATABASE_URL: `sqlite:${path.join(os.tmpdir(), `ssboilerplate-proof-${port}.db`)}`,
    SERVICESTACK_TELEMETRY_OPTOUT: "1",
  };
  const dll = path.join(hostDir, "Boilerplate.Host.dll");

  const admin = run("dotnet", [dll, "create-admin", "--email", "admin@example.com", "--username", "admin"],
    { cwd: hostDir, env: { ...env, BOILERPLATE_ADMIN_PASSWORD: "admin-password-1" } });
  check("create-admin makes the first admin", admin.code === 0, admin.output);

  const host = spawn("dotnet", [dll, "--urls", baseUrl], { cwd: hostDir, env, stdio: "ignore" });
  try {
    await waitUntilServing(baseUrl, host);

    const generated = run(bin("typescript-ref"), [baseUrl], { cwd: work, env });
    const dtos = path.join(work, "dtos.ts");
    check("typescript-ref writes dtos.ts", generated.code === 0 && fs.existsSync(dtos), generated.output);

    // ServiceStack marks the file @ts-nocheck; without it, --strict really checks the generated types.
    const strict = fs.readFileSync(dtos, "utf8").replace("// @ts-nocheck\n", "");
    check("dtos.ts is marked @ts-nocheck as ServiceStack's are", strict.length < fs.readFileSync(dtos, "utf8").length);
    fs.writeFileSync(dtos, strict);
    for (const file of ["proof.ts", "renewal.ts"])
      fs.copyFileSync(path.join(here, file), path.join(work, file));
    const compiled = run(bin("tsc"), ["--strict", "--noEmitOnError", "--target", "es2022", "--module", "commonjs",
      "--lib", "es2022,dom", "--skipLibCheck", "--outDir", path.join(work, "out"),
      path.join(work, "proof.ts"), path.join(work, "renewal.ts"), dtos], { cwd: work });
    check("dtos.ts and the checks compile with tsc --strict", compiled.code === 0, compiled.output);

    const proof = run("node", [path.join(work, "out", "proof.js"), baseUrl], { cwd: work, env });
    process.stdout.write(proof.output);
    const counted = /(\d+) passed, (\d+) failed/.exec(proof.output);
    if (counted) { results.passed += +counted[1]; results.failed += +counted[2]; }
    else check("the client checks ran", false, proof.output);

    // Updating a reference: the CLI reads the options from the header and asks again with them.
    const withOption = fs.readFileSync(dtos, "utf8").replace(/^\/\/IncludeTypes: .*$/m, "IncludeTypes: Login,TokenResponse,StatusResponse");
    fs.writeFileSync(dtos, withOption);
    const updated = run(bin("typescript-ref"), ["dtos.ts"], { cwd: work, env });
    const after = fs.readFileSync(dtos, "utf8");
    check("typescript-ref dtos.ts updates the reference with the edited option",
      updated.code === 0 && /^IncludeTypes: Login,TokenResponse,StatusResponse$/m.test(after)
        && after.includes("class Login ") && !after.includes("class CreateUser "),
      updated.output);

    // The same CLI fetches the C# reference, as `x csharp` would.
    const csharp = run(bin("csharp-ref"), [baseUrl], { cwd: work, env });
    const cs = fs.existsSync(path.join(work, "dtos.cs")) ? fs.readFileSync(path.join(work, "dtos.cs"), "utf8") : "";
    check("csharp-ref writes dtos.cs with the typed DTOs",
      csharp.code === 0 && cs.includes("Options:") && cs.includes("public partial class GetUser")
        && cs.includes("[DataMember(Name=\"public_id\")]"), csharp.output);
  } finally {
    host.kill();
  }

  // Renewal: the three hosts run side by side, each with its own settings.
  await Promise.all([
    renewal("the stock client renews across three expiries with token cookies and rotation on",
      {}, "cookie", ["renewed 1", "renewed 2", "renewed 3"]),
    renewal("the stock client renews across three expiries in body mode with rotation off",
      { Auth__RotateRefreshTokens: "false" }, "body", ["renewed 1", "renewed 2", "renewed 3"]),
    // Why the switch exists: in body mode the stock client keeps its first refresh token, so
    // rotation takes the second renewal for a replay and ends the session.
    renewal("in body mode with rotation on the stock client's second renewal is refused",
      {}, "body", ["renewed 1", "failed 2: TokenException Refresh token already used: the session has been ended. Please log in again."]),
  ]);

  await withHost({}, (baseUrl, hostEnv) => verifyAsResourceServer(baseUrl,
    (kid) => run("dotnet", [path.join(hostDir, "Boilerplate.Host.dll"), "keys", "revoke", kid], { cwd: hostDir, env: hostEnv }), check));
}

main()
  .catch((error) => check("the proof ran to the end", false, error.message))
  .finally(() => {
    console.log(`${results.passed} passed, ${results.failed} failed`);
    process.exitCode = results.failed === 0 ? 0 : 1;
  });
