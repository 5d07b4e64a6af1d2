import { backoffDelay } from './backoff';
import { Envelope, EventsPage, ParleyError, transient, Welcome } from './protocol';
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
 *
 * The seq tracker moves only over events handed to `onEvent`, or over a range the gateway said
 * holds nothing more for this user (a page's `throughSeq`; `resumed`): a customer's range may hold
 * notes they never see. Anything else would make a later gap fill drop what it brings.
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
  /** conversations whose events wait (for a gap fill, a load), with how many wait for them */
  private readonly holds = new Map<string, number>();
  private readonly held = new Map<string, Envelope[]>();
  private readonly filling = new Set<string>();
  /** conversations a UI is loading, with the gap fills waiting to apply a page until it is shown */
  private readonly loads = new Map<string, { count: number; done: (() => void)[] }>();
  /** backoffs of gap fills that failed, cut short by stop() */
  private readonly pauses = new Set<() => void>();
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
    this.pauses.forEach((wake) => wake());
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

  /**
   * Loads a conversation's state without losing what happens meanwhile: `read` fetches it (detail,
   * then history) and answers with the seq it covers (the detail's `lastSeq`), `install` shows it.
   * Events of the conversation that arrive until `install` returned wait, and so does a gap fill's
   * next page; they then follow from that seq on, each once: handed over before the state was
   * there, the UI would have dropped them while the tracker counted them as applied.
   */
  async load<T>(conversationId: string, read: () => Promise<{ state: T; throughSeq: number }>,
                install: (state: T) => void): Promise<void> {
    const loading = this.loads.get(conversationId) ?? { count: 0, done: [] };
    loading.count++;
    this.loads.set(conversationId, loading);
    this.hold(conversationId);
    try {
      const { state, throughSeq } = await read();
      install(state);
      this.seqs.advance(conversationId, throughSeq);
    } finally {
      this.release(conversationId);
      if (--loading.count === 0) {
        this.loads.delete(conversationId);
        loading.done.splice(0).forEach((resume) => resume());
      }
    }
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
        if (frame.type === 'error' && frame.code === 'resume.failed' && typeof frame.conversationId === 'string') {
          // The replay was cut short: fetch what is missing ourselves (the gateway sent no `resumed`).
          this.catchUp(frame.conversationId);
          return;
        }
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
        // Every event through throughSeq that this user may see came before this frame, so what the
        // tracker has not reached holds nothing more for us. Unless events of the conversation wait
        // (a gap fill, a load): they are not applied yet, and moving the tracker would make them
        // duplicates; the fill's throughSeq, or the loaded state's, covers the range instead.
        if (!this.holds.has(frame.conversationId)) {
          this.seqs.advance(frame.conversationId, frame.throughSeq);
        }
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
    if (conversation && this.holds.has(conversation)) {
      this.held.get(conversation)!.push(event);
      return;
    }
    const verdict = this.seqs.judge(event);
    if (verdict.kind === 'duplicate') {
      return;
    }
    if (verdict.kind === 'gap') {
      this.catchUp(conversation!, event);
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

  /** Fetches what follows the last seq applied; later events of the conversation wait meanwhile. */
  private catchUp(conversationId: string, waiting?: Envelope): void {
    if (this.filling.has(conversationId)) {
      return;
    }
    this.filling.add(conversationId);
    this.hold(conversationId);
    if (waiting) this.held.get(conversationId)!.push(waiting);
    void this.fill(conversationId);
  }

  private hold(conversationId: string): void {
    this.holds.set(conversationId, (this.holds.get(conversationId) ?? 0) + 1);
    if (!this.held.has(conversationId)) this.held.set(conversationId, []);
  }

  /** The last to release a conversation hands over what waited, judged afresh against the tracker. */
  private release(conversationId: string): void {
    const left = (this.holds.get(conversationId) ?? 1) - 1;
    if (left > 0) {
      this.holds.set(conversationId, left);
      return;
    }
    this.holds.delete(conversationId);
    const waiting = this.held.get(conversationId) ?? [];
    this.held.delete(conversationId);
    // Once stopped, what waited is dropped: the tracker never reached it, so a restart's hello resumes it.
    if (!this.stopped) {
      waiting.forEach((event) => this.handle(event));
    }
  }

  /**
   * Pages `events.since` from the last seq applied until the gateway says there is no more. A
   * transient refusal is asked again after a backoff (from where the pages got to; a reconnect in
   * between only delays the request, which is repeatable); any other refusal ends the fill and
   * drops what waited, as conversation-service will not let this user read the conversation: the
   * tracker stays, so a later event asks again, but nothing loops.
   */
  private async fill(conversationId: string): Promise<void> {
    try {
      for (let failures = 0; !this.stopped; failures++) {
        try {
          await this.pages(conversationId);
          return;
        } catch (error) {
          if (!transient(error)) {
            this.held.set(conversationId, []);
            return;
          }
          await this.pause(backoffDelay(failures));
        }
      }
    } finally {
      this.filling.delete(conversationId);
      this.release(conversationId);
    }
  }

  private async pages(conversationId: string): Promise<void> {
    for (;;) {
      const since = this.seqs.get(conversationId);
      const page = await this.request<EventsPage>('events.since', { conversationId, since, limit: 100 });
      await this.loaded(conversationId);
      for (const event of page.events) {
        // A page holds every event after `since` this user may see, in seq order: no gaps to judge.
        if (event.seq != null && event.seq > this.seqs.get(conversationId)) {
          this.seqs.advance(conversationId, event.seq);
          this.options.onEvent(event);
        }
      }
      this.seqs.advance(conversationId, page.throughSeq);
      if (!page.more || this.seqs.get(conversationId) <= since) {
        return;
      }
    }
  }

  /** Resolves once no UI is loading the conversation (at once when none is). */
  private loaded(conversationId: string): Promise<void> {
    const loading = this.loads.get(conversationId);
    return loading ? new Promise((resolve) => loading.done.push(resolve)) : Promise.resolve();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pauses.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.pauses.add(wake);
    });
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
