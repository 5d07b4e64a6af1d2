import { ConsoleAuth } from './auth';
import { authorizationUrl, challengeOf, type PendingSignIn, randomSecret, readCallback, type SsoSettings, ssoRefusal,
  withoutCallback } from './pkce';

/**
 * Kept in sessionStorage: this tab's pending sign-in, read once when the provider sends the browser
 * back. Never in localStorage, so another tab or a later visit cannot redeem it.
 */
const PENDING = 'parley.sso';
/** Where the provider sends agents back, for every page that offers the button: register this one URI. */
const CALLBACK_PATH = '/console';

/** How a load of the console ended up with single sign-on. */
export type SsoResult =
  | { kind: 'none' }
  | { kind: 'signed-in' }
  | { kind: 'leaving' }
  | { kind: 'failed'; message: string };

/** Sends the browser to the provider to sign in; the answer comes back to the console's address. */
export async function beginSso(settings: SsoSettings): Promise<void> {
  const pending: PendingSignIn = {
    state: randomSecret(), nonce: randomSecret(), verifier: randomSecret(),
    redirectUri: location.origin + CALLBACK_PATH, returnTo: location.pathname,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(authorizationUrl(settings, pending, await challengeOf(pending.verifier)));
}

/**
 * Finishes a sign-in the provider sent the browser back from, if this load is one: the address is
 * cleaned first (a code works once, and must not stay in the history), then the code is redeemed.
 *
 * Signed in from another page (the admin screens), the browser goes back there.
 */
export async function completeSso(auth: ConsoleAuth): Promise<SsoResult> {
  let pending: PendingSignIn | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  } catch {
    pending = null;
  }
  const callback = readCallback(location.search, pending);
  if (callback.kind === 'none') {
    return { kind: 'none' };
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', withoutCallback(location.href));
  if (callback.kind === 'refused') {
    return { kind: 'failed', message: ssoRefusal(callback.reason) };
  }
  try {
    await auth.exchange(callback.code, pending!.verifier, pending!.redirectUri, pending!.nonce);
  } catch (e) {
    return { kind: 'failed', message: ssoRefusal((e as { code?: string }).code ?? 'network') };
  }
  if (pending!.returnTo !== location.pathname) {
    location.replace(pending!.returnTo);
    return { kind: 'leaving' };
  }
  return { kind: 'signed-in' };
}
