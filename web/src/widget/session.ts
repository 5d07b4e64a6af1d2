import { api } from '../shared/http';

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
 * the same customer, so it never expires while the visitor keeps coming back.
 */
export class WidgetSession {
  private readonly key: string;

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

  async start(profile: { name?: string; email?: string } = {}): Promise<StoredSession> {
    const previous = this.stored();
    const response = await api<SessionResponse>(this.base, 'POST', '/api/v1/widget/sessions', undefined, {
      inboxKey: this.inbox,
      visitorToken: previous?.token,
      name: profile.name || undefined,
      email: profile.email || undefined,
    });
    const session = { token: response.token, customerId: response.customerId };
    localStorage.setItem(this.key, JSON.stringify(session));
    return session;
  }
}
