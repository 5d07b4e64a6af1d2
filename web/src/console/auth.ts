import { api } from '../shared/http';
import type { SsoSettings } from './pkce';

interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** Refresh this long before the access token expires, so no request goes out with a dying token. */
const REFRESH_MARGIN_MS = 60000;
const KEY = 'parley.console';

/**
 * The agent's tokens. Kept in sessionStorage (one tab's lifetime, survives a refresh); the
 * access token is refreshed a minute before it expires, rotating the refresh token each time.
 */
export class ConsoleAuth {
  private tokens: Tokens | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly base: string) {
    try {
      this.tokens = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    } catch {
      this.tokens = null;
    }
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  async login(email: string, password: string): Promise<void> {
    this.store(await api<TokenResponse>(this.base, 'POST', '/api/v1/auth/login', undefined, { email, password }));
  }

  /** Whether and where agents sign in with single sign-on; off when the server cannot say. */
  async sso(): Promise<SsoSettings> {
    return api<SsoSettings>(this.base, 'GET', '/api/v1/auth/sso').catch(() => ({ enabled: false }));
  }

  /** Redeems the identity provider's code for a Parley session, the same tokens a password login gives. */
  async exchange(code: string, codeVerifier: string, redirectUri: string, nonce: string): Promise<void> {
    this.store(await api<TokenResponse>(this.base, 'POST', '/api/v1/auth/sso/token', undefined, { code, codeVerifier, redirectUri, nonce }));
  }

  async token(): Promise<string> {
    if (!this.tokens) {
      throw new Error('signed out');
    }
    if (this.tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
      return this.tokens.accessToken;
    }
    this.refreshing ??= this.refresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  /** A token refreshed now, whatever the current one's age (the gateway warned it expires soon). */
  renew(): Promise<string> {
    this.expire();
    return this.token();
  }

  /** The access token no longer works (the gateway said 4401): refresh on the next call. */
  expire(): void {
    if (this.tokens) {
      this.tokens.expiresAt = 0;
    }
  }

  async logout(): Promise<void> {
    const tokens = this.tokens;
    this.tokens = null;
    sessionStorage.removeItem(KEY);
    if (tokens) {
      await api(this.base, 'POST', '/api/v1/auth/logout', tokens.accessToken, { refreshToken: tokens.refreshToken }).catch(() => undefined);
    }
  }

  private async refresh(): Promise<string> {
    try {
      const response = await api<TokenResponse>(this.base, 'POST', '/api/v1/auth/refresh', undefined,
        { refreshToken: this.tokens!.refreshToken });
      this.store(response);
      return response.accessToken;
    } catch (e) {
      if ((e as { code?: string }).code === 'auth.refresh_token_invalid') {
        await this.logout();
        location.reload();
      }
      throw e;
    }
  }

  private store(response: TokenResponse): void {
    this.tokens = { accessToken: response.accessToken, refreshToken: response.refreshToken,
      expiresAt: Date.now() + response.expiresIn * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(this.tokens));
  }
}
