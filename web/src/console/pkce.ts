/**
 * The console's half of OAuth 2.0's authorization code flow with PKCE (RFC 7636, S256): random
 * secrets, the challenge of a verifier, the authorization request and the reading of the answer.
 * Pure, so it is tested under Node; sso.ts adds the browser's storage and navigation.
 */

/** What the server says about single sign-on (`GET /api/v1/auth/sso`). */
export interface SsoSettings {
  enabled: boolean;
  issuer?: string;
  authorizationEndpoint?: string;
  clientId?: string;
  scopes?: string[];
}

/** What one sign-in at the provider must remember until the browser comes back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  /** The page the sign-in began on, to return to once signed in. */
  returnTo: string;
}

/** The provider's answer on the redirect back, as far as the console can judge it. */
export type Callback =
  | { kind: 'none' }
  | { kind: 'code'; code: string }
  | { kind: 'refused'; reason: string };

/** base64url without padding (RFC 4648 §5), as PKCE and JOSE use it. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A secret of 32 random bytes: 43 base64url characters, RFC 7636's shortest verifier and its
 * recommended entropy. State and nonce take the same.
 */
export function randomSecret(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return base64url(random(new Uint8Array(32)));
}

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The authorization request's address: where the browser goes to sign in. */
export function authorizationUrl(settings: SsoSettings, pending: PendingSignIn, challenge: string): string {
  const url = new URL(settings.authorizationEndpoint!);
  const parameters: Record<string, string> = {
    response_type: 'code',
    client_id: settings.clientId!,
    redirect_uri: pending.redirectUri,
    scope: (settings.scopes ?? ['openid']).join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(parameters)) {
    url.searchParams.set(name, value);
  }
  return url.toString();
}

/**
 * Reads the redirect back (`?code=…&state=…` or `?error=…&state=…`). An answer whose state is
 * not the one this tab sent is refused: it was not asked for here (a forged link, or another
 * tab's sign-in), and redeeming it could sign the agent in as someone else.
 */
export function readCallback(search: string, pending: PendingSignIn | null): Callback {
  const query = new URLSearchParams(search);
  const code = query.get('code');
  const error = query.get('error');
  if (code === null && error === null) {
    return { kind: 'none' };
  }
  if (pending === null || query.get('state') !== pending.state) {
    return { kind: 'refused', reason: 'state' };
  }
  if (error !== null) {
    return { kind: 'refused', reason: error };
  }
  return { kind: 'code', code: code! };
}

/** The console's address without the provider's answer, for history.replaceState. */
export function withoutCallback(href: string): string {
  const url = new URL(href);
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss']) {
    url.searchParams.delete(name);
  }
  return url.pathname + url.search + url.hash;
}

/** What to tell the agent when single sign-on did not sign them in. */
export function ssoRefusal(reason: string): string {
  switch (reason) {
    case 'state':
      return 'That sign-in was not started here; sign in again.';
    case 'access_denied':
      return 'The identity provider did not sign you in.';
    case 'auth.agent_unknown':
      return 'Your account at the identity provider is not an active Parley agent; ask an admin.';
    case 'auth.sso_code_invalid':
    case 'auth.sso_token_invalid':
      return 'The sign-in could not be completed; sign in again.';
    case 'auth.sso_provider_unavailable':
      return 'The identity provider cannot be reached; try again or sign in with your password.';
    case 'auth.sso_disabled':
      return 'Single sign-on is not set up here; sign in with your password.';
    default:
      return `Single sign-on failed (${reason}); sign in again.`;
  }
}
