import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizationUrl, base64url, challengeOf, type PendingSignIn, randomSecret, readCallback, ssoRefusal,
  withoutCallback } from '../src/console/pkce';

const PENDING: PendingSignIn = {
  state: 'af0ifjsldkj', nonce: 'n-0S6_WzA2Mj', verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  redirectUri: 'http://localhost:8080/console', returnTo: '/console',
};

test('the S256 challenge of RFC 7636 appendix B\'s verifier is the one the RFC gives', async () => {
  assert.equal(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('base64url has no padding and no + or /', () => {
  assert.equal(base64url(new Uint8Array([0xfb, 0xff, 0xfe])), '-__-');
  assert.equal(base64url(new Uint8Array([0x61])), 'YQ');
  assert.equal(base64url(new Uint8Array([])), '');
});

test('a secret is 32 bytes of the random source: 43 characters a verifier may hold', () => {
  const secret = randomSecret((bytes) => bytes.fill(0xff));
  assert.equal(secret, '_'.repeat(42) + '8');
  const real = randomSecret();
  assert.match(real, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(real, randomSecret(), 'two secrets differ');
});

test('the authorization request asks for a code with the S256 challenge, state and nonce', () => {
  const url = new URL(authorizationUrl({ enabled: true, authorizationEndpoint: 'https://idp.example/oauth/authorize?tenant=acme',
    clientId: 'parley-console', scopes: ['openid', 'email'] }, PENDING, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'));
  assert.equal(url.origin + url.pathname, 'https://idp.example/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    tenant: 'acme', response_type: 'code', client_id: 'parley-console', redirect_uri: 'http://localhost:8080/console',
    scope: 'openid email', state: 'af0ifjsldkj', nonce: 'n-0S6_WzA2Mj',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
  });
  assert.equal(url.searchParams.get('code_verifier'), null, 'the verifier never leaves the tab before the exchange');
});

const callbacks: [string, string, PendingSignIn | null, ReturnType<typeof readCallback>][] = [
  ['an ordinary load', '', PENDING, { kind: 'none' }],
  ['other query parameters', '?conversation=1', PENDING, { kind: 'none' }],
  ['the code with our state', '?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj', PENDING, { kind: 'code', code: 'SplxlOBeZQQYbYS6WxSbIA' }],
  ['the code with another state', '?code=SplxlOBeZQQYbYS6WxSbIA&state=forged', PENDING, { kind: 'refused', reason: 'state' }],
  ['the code without a state', '?code=SplxlOBeZQQYbYS6WxSbIA', PENDING, { kind: 'refused', reason: 'state' }],
  ['a code nobody here asked for', '?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj', null, { kind: 'refused', reason: 'state' }],
  ['the provider\'s refusal', '?error=access_denied&state=af0ifjsldkj', PENDING, { kind: 'refused', reason: 'access_denied' }],
  ['a refusal with another state', '?error=access_denied&state=forged', PENDING, { kind: 'refused', reason: 'state' }],
];
for (const [name, search, pending, expected] of callbacks) {
  test(`the redirect back: ${name}`, () => {
    assert.deepEqual(readCallback(search, pending), expected);
  });
}

test('the cleaned address keeps everything but the provider\'s answer', () => {
  assert.equal(withoutCallback('http://localhost:8080/console?code=abc&state=xyz&iss=http%3A%2F%2Fidp'), '/console');
  assert.equal(withoutCallback('http://localhost:8080/console?code=abc&keep=1&state=xyz#top'), '/console?keep=1#top');
});

test('refusals say what the agent can do', () => {
  assert.match(ssoRefusal('auth.agent_unknown'), /not an active Parley agent/);
  assert.match(ssoRefusal('state'), /sign in again/);
  assert.match(ssoRefusal('something_new'), /something_new/);
});
