import { api } from '../shared/http';
import type { Identity, VisitorProfile } from './api';
import type { HostPage } from './page';

export interface StoredSession {
  token: string;
  customerId: string;
}

interface SessionResponse {
  token: string;
  customerId: string;
  expiresAt: string;
}

/**
 * The visitor's session, kept in localStorage per inbox so a refresh (or a new tab) is the same
 * customer with the same conversation. Each page load trades the stored token for a fresh one of
 * the same customer, so it never expires while the visitor keeps coming back. With an identity the
 * host site's user is the customer instead (on any device); the identity is kept in memory only, the
 * host page gives it on every load.
 */
export class WidgetSession {
  private readonly key: string;
  identity: Identity | null = null;

  constructor(private readonly base: string, private readonly inbox: string) {
    this.key = `parley.widget.${inbox}`;
  }

  stored(): StoredSession | null {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? 'null');
    } catch {
      return null;
    }
  }

  /** Forgets the stored session: the next start is a new anonymous customer. */
  forget(): void {
    localStorage.removeItem(this.key);
  }

  async start(profile: VisitorProfile = {}): Promise<StoredSession> {
    const previous = this.stored();
    const identity = this.identity;
    const response = await api<SessionResponse>(this.base, 'POST', '/api/v1/widget/sessions', undefined, {
      inboxKey: this.inbox,
      visitorToken: previous?.token,
      userId: identity?.userId,
      userHash: identity?.userHash,
      name: profile.name || identity?.name || undefined,
      email: profile.email || identity?.email || undefined,
      attributes: { ...identity?.attributes, ...profile.attributes },
    });
    const session = { token: response.token, customerId: response.customerId };
    localStorage.setItem(this.key, JSON.stringify(session));
    return session;
  }

  /** Changes the running session's customer: name, email, attributes (merged; null removes). */
  async update(token: string, profile: VisitorProfile): Promise<void> {
    await api<void>(this.base, 'POST', '/api/v1/widget/profile', token, {
      name: profile.name || undefined,
      email: profile.email || undefined,
      attributes: profile.attributes,
    });
  }

  /** The host page the visitor is on, for the agent's sidebar. */
  async reportPage(token: string, page: HostPage): Promise<void> {
    await api<void>(this.base, 'POST', '/api/v1/widget/page', token, page);
  }
}
