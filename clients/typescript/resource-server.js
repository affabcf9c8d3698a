// Another service verifying this server's access tokens with the npm `jose` library, as its
// documentation tells a resource server to: the keys from the discovery document's jwks_uri, the
// issuer and audience checked. Then the key is revoked from the command line, and the same token
// is refused by a resource server that fetches the keys again, and by the host itself.

/** Runs the checks against a host at baseUrl; revoke(kid) revokes a key the way an operator would. */
async function verifyAsResourceServer(baseUrl, revoke, check) {
  const { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } = await import("jose");
  const post = (path, body) => fetch(baseUrl + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  const registered = await post("/user", { email: "resource@example.com", username: "resource_user", password: "password-123" });
  const token = (await registered.json()).Authorization;
  const discovery = await (await fetch(`${baseUrl}/.well-known/openid-configuration`)).json();
  check("the discovery document names the issuer and the jwks_uri", discovery.issuer === baseUrl && discovery.jwks_uri === `${baseUrl}/.well-known/jwks.json`,
    JSON.stringify(discovery));

  const options = { issuer: discovery.issuer, audience: discovery.issuer, algorithms: ["ES256"] };
  try {
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), options);
    check("jose verifies an access token with createRemoteJWKSet and jwtVerify", typeof payload.sub === "string" && payload.sub.length > 0, JSON.stringify(payload));
  } catch (error) {
    check("jose verifies an access token with createRemoteJWKSet and jwtVerify", false, `${error.code}: ${error.message}`);
  }

  const { kid } = decodeProtectedHeader(token);
  const revoked = revoke(kid);
  check("keys revoke revokes the token's key", revoked.code === 0, revoked.output);

  // The running host reads a change the command line made within a second…
  let status = 200;
  for (const started = Date.now(); status === 200 && Date.now() - started < 1000;)
    status = (await fetch(`${baseUrl}/user/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
  check("the host refuses the revoked key's token within a second", status === 401, `status ${status}`);

  // …and from then on a resource server that fetches the key set again no longer finds the key.
  try {
    await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), options);
    check("after the revocation jose refuses the token", false, "it verified");
  } catch (error) {
    check("after the revocation jose refuses the token", error.code === "ERR_JWKS_NO_MATCHING_KEY", `${error.code}: ${error.message}`);
  }
}

module.exports = { verifyAsResourceServer };
