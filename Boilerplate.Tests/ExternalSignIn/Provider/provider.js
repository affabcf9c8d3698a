// A real OpenID Connect provider on loopback for the external sign-in tests.
// Clients come from OIDC_CLIENTS (a JSON array of { client_id, client_secret, redirect_uris });
// prints "issuer http://127.0.0.1:<port>" once it answers. The user is whoever the test types in
// at /interaction/:uid.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { Provider } from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]').map((client) => ({
  client_id: client.client_id,
  client_secret: client.client_secret,
  redirect_uris: client.redirect_uris,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
}));

// The accounts signed in so far, by sub: what the login form said about them.
const accounts = new Map();

// The port is only known once listening, and the issuer must name it.
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [{ ...signingKey, kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['test-oidc-provider-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // By default the ID token of a code flow carries only sub (the rest is at userinfo);
  // the service reads email and email_verified from the ID token itself.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    return account && { accountId: sub, claims: async () => ({ ...account }) };
  },
  async renderError(ctx, out) {
    ctx.type = 'text';
    ctx.body = Object.entries(out).map(([key, value]) => `${key}: ${value}`).join('\n');
  },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, clientId) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body>
  <h1>Sign in to ${escape(clientId)}</h1>
  <form method="post" action="/interaction/${escape(uid)}/login">
    <p><label for="sub">Subject</label> <input id="sub" name="sub" required></p>
    <p><label for="email">Email</label> <input id="email" name="email" type="email"></p>
    <p><label for="name">Name</label> <input id="name" name="name"></p>
    <p><input id="email_verified" name="email_verified" type="checkbox" value="true">
       <label for="email_verified">Email verified</label></p>
    <button type="submit">Sign in</button>
  </form>
  <form method="post" action="/interaction/${escape(uid)}/deny">
    <button type="submit">Deny</button>
  </form>
</body>
</html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('the interaction cookie names another interaction');

  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page(uid, details.params.client_id));
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const sub = form.get('sub');
    if (!sub) throw new Error('sub is required');
    accounts.set(sub, {
      sub,
      email: form.get('email') ?? '',
      email_verified: form.get('email_verified') === 'true',
      name: form.get('name') ?? '',
    });
    const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === 'POST' && action === 'deny') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user said no.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  res.writeHead(405).end();
}

const oidc = provider.callback();
server.on('request', (req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login|deny))?(?:\?.*)?$/.exec(req.url);
  if (!match) {
    oidc(req, res);
    return;
  }
  interaction(req, res, match[1], match[2]).catch((error) => {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${error.name}: ${error.message}`);
  });
});

console.log(`issuer ${issuer}`);
