import { backoffDelay } from './backoff';
import { Envelope, EventsPage, ParleyError, Welcome } from './protocol';
import { SeqTracker } from './seqs';

export type ConnectionState = 'connecting' | 'open' | 'offline';

export interface SocketOptions {
  /** the gateway's `/ws` address */
  url: string;
  /** a valid token for the hello; called before every connect */
  token: () => Promise<string>;
  /** called when the gateway refused the token (close 4401), before the next connect */
  onUnauthorized?: () => void;
  /** a fresh token of the same user, asked for when the gateway warns that the socket's expires */
  renewToken?: () => Promise<string>;
  onWelcome?: (welcome: Welcome) => void;
  /** each persisted event once, in seq order per conversation; unsequenced ones as they come */
  onEvent: (event: Envelope) => void;
  onTyping?: (conversationId: string, userId: string, typing: boolean) => void;
  onState?: (state: ConnectionState) => void;
  /** frame types this client does not handle itself (for example `presence`) */
  onFrame?: (frame: any) => void;
}

interface Pending {
  frame: Record<string, unknown>;
  resolve: (result: any) => void;
  reject: (error: ParleyError) => void;
}

/** Commands that are safe to send again after a lost connection (the server dedupes or only reads). */
const REPEATABLE = new Set(['message.send', 'read', 'history', 'events.since', 'conversation.open',
  'conversation.list', 'conversation.talk_to_agent', 'ping', 'reaction.add', 'reaction.remove']);
const PING_EVERY_MS = 20000;

/**
 * The client side of docs/protocol.md: hello with `lastSeqs`, commands answered by ref, events
 * deduplicated by seq with gaps filled by `events.since`, and reconnects with backoff that resume
 * where the client was, so the UIs see every event once and in order across any outage.
 */
export class ParleySocket {
  readonly seqs = new SeqTracker();
  private ws: WebSocket | null = null;
  private state: ConnectionState = 'offline';
  private attempt = 0;
  private nextRef = 1;
  private stopped = false;
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private readonly filling = new Set<string>();
  private readonly held = new Map<string, Envelope[]>();
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** the node asked us to go elsewhere (shutdown): reconnect without backing off */
  private moveOn = false;

  constructor(private readonly options: SocketOptions) {}

  start(): void {
    this.stopped = false;
    if (!this.ws && !this.retryTimer) {
      void this.connect();
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.ws?.close(1000);
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /** Sends a command and resolves with its `ack` result; waits for the connection if it is down. */
  request<T = any>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { frame: { type, ...fields }, resolve, reject };
      if (this.state === 'open') {
        this.transmit(pending);
      } else {
        this.queue.push(pending);
      }
    });
  }

  /** Sends a frame whose answer nobody waits for (typing); dropped while disconnected. */
  notify(type: string, fields: Record<string, unknown> = {}): void {
    if (this.state === 'open') {
      this.ws?.send(JSON.stringify({ type, ...fields }));
    }
  }

  private async connect(): Promise<void> {
    this.retryTimer = undefined;
    this.setState('connecting');
    let token: string;
    try {
      token = await this.options.token();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      return;
    }
    const ws = new WebSocket(this.options.url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', ref: 'hello', token, lastSeqs: this.seqs.snapshot() }));
    ws.onmessage = (message) => this.receive(JSON.parse(String(message.data)));
    ws.onclose = (close) => this.closed(ws, close.code);
  }

  private receive(frame: any): void {
    switch (frame.type) {
      case 'welcome':
        this.attempt = 0;
        this.setState('open');
        this.pingTimer = setInterval(() => this.request('ping').catch(() => undefined), PING_EVERY_MS);
        this.options.onWelcome?.(frame as Welcome);
        for (const pending of this.queue.splice(0)) {
          this.transmit(pending);
        }
        return;
      case 'ack':
      case 'error': {
        const pending = typeof frame.ref === 'number' ? this.inFlight.get(frame.ref) : undefined;
        if (!pending) {
          return;
        }
        this.inFlight.delete(frame.ref);
        if (frame.type === 'ack') {
          pending.resolve(frame.result);
        } else if (frame.code === 'auth.token_expired' && REPEATABLE.has(String(pending.frame.type))) {
          // The socket's token ran out (agents' last 15 minutes): reconnect with a fresh one and retry.
          this.queue.push(pending);
          this.options.onUnauthorized?.();
          this.ws?.close(4000);
        } else {
          pending.reject(new ParleyError(frame.code, frame.message));
        }
        return;
      }
      case 'event':
        this.handle(frame.event as Envelope);
        return;
      case 'typing':
        this.options.onTyping?.(frame.conversationId, frame.userId, frame.typing !== false);
        return;
      case 'resumed':
        this.seqs.advance(frame.conversationId, frame.throughSeq);
        return;
      case 'auth.expiring':
        void this.renew();
        return;
      case 'reconnect':
        this.moveOn = true;
        return;
      default:
        this.options.onFrame?.(frame);
    }
  }

  private handle(event: Envelope): void {
    const conversation = event.conversationId;
    if (conversation && this.filling.has(conversation)) {
      this.held.get(conversation)!.push(event);
      return;
    }
    const verdict = this.seqs.judge(event);
    if (verdict.kind === 'duplicate') {
      return;
    }
    if (verdict.kind === 'gap') {
      this.filling.add(conversation!);
      this.held.set(conversation!, [event]);
      void this.fill(conversation!, verdict.since);
      return;
    }
    if (verdict.kind === 'apply') {
      this.seqs.advance(conversation!, event.seq!);
    }
    this.options.onEvent(event);
  }

  /** Swaps the socket's token for a fresh one; if that fails the socket closes 4401 and reconnects. */
  private async renew(): Promise<void> {
    if (!this.options.renewToken) return;
    try {
      await this.request('auth', { token: await this.options.renewToken() });
    } catch {
      // handled by the 4401 close that follows an unrenewed expiry
    }
  }

  private async fill(conversationId: string, since: number): Promise<void> {
    try {
      for (let from = since; ;) {
        const page = await this.request<EventsPage>('events.since', { conversationId, since: from, limit: 100 });
        for (const event of page.events) {
          if (event.seq != null && event.seq > this.seqs.get(conversationId)) {
            this.seqs.advance(conversationId, event.seq);
            this.options.onEvent(event);
          }
        }
        this.seqs.advance(conversationId, page.throughSeq);
        if (!page.more) {
          break;
        }
        from = page.throughSeq;
      }
    } catch {
      // The reconnect's resume (lastSeqs) or the next gap fills what is still missing.
    } finally {
      this.filling.delete(conversationId);
      const held = this.held.get(conversationId) ?? [];
      this.held.delete(conversationId);
      held.forEach((event) => this.handle(event));
    }
  }

  private transmit(pending: Pending): void {
    const ref = this.nextRef++;
    this.inFlight.set(ref, pending);
    this.ws!.send(JSON.stringify({ ...pending.frame, ref }));
  }

  private closed(ws: WebSocket, code: number): void {
    if (this.ws !== ws) {
      return;
    }
    this.ws = null;
    clearInterval(this.pingTimer);
    for (const pending of this.inFlight.values()) {
      if (REPEATABLE.has(String(pending.frame.type))) {
        this.queue.push(pending);
      } else {
        pending.reject(new ParleyError('connection.lost', 'The connection was lost; try again.'));
      }
    }
    this.inFlight.clear();
    if (code === 4401) {
      this.options.onUnauthorized?.();
    }
    if (code === 1012) {
      this.moveOn = true;
    }
    this.setState('offline');
    if (!this.stopped) {
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    this.setState('offline');
    // A node that is shutting down asked us to move on (close 1012): another node answers at once.
    const delay = this.moveOn ? Math.random() * 250 : backoffDelay(this.attempt++);
    this.moveOn = false;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private setState(state: ConnectionState): void {
    if (this.state !== state) {
      this.state = state;
      this.options.onState?.(state);
    }
  }
}

/** The gateway's WebSocket address on the same host as `base` (http → ws, https → wss). */
export function socketUrl(base: string): string {
  const url = new URL('/ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
