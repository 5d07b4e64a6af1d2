import { backoffDelay } from './backoff';
import { transient } from './protocol';

/**
 * Read receipts, coalesced: watermarks only move forward and the latest wins, so a burst of
 * reports for one conversation (a catch-up, a run of incoming messages) becomes one `read` for its
 * highest seqs, and never more than one per conversation is in flight. The last report is never
 * lost: whatever arrives while a receipt is on its way goes out right after it, and a receipt
 * refused for now (the service unavailable, rate limited) is sent again after a backoff, so what the
 * server ends with is the highest seq seen. A receipt refused for good (not a participant) is dropped.
 */
export type SendRead = (conversationId: string, lastDeliveredSeq: number, lastReadSeq: number) => Promise<unknown>;

interface Pending {
  delivered: number;
  read: number;
  timer?: ReturnType<typeof setTimeout>;
  inFlight: boolean;
  /** What the server has acknowledged; nothing at or below it is sent again. */
  sentDelivered: number;
  sentRead: number;
  failures: number;
}

export class ReadReceipts {
  private readonly byConversation = new Map<string, Pending>();

  /** @param windowMs how long a report waits for more before it goes out; 0 sends at once */
  constructor(private readonly send: SendRead, private readonly windowMs = 250) {}

  /** Reports what the user has received and read; sent within the window, merged with what follows. */
  report(conversationId: string, lastDeliveredSeq: number, lastReadSeq: number): void {
    const pending = this.byConversation.get(conversationId)
      ?? { delivered: 0, read: 0, inFlight: false, sentDelivered: 0, sentRead: 0, failures: 0 };
    this.byConversation.set(conversationId, pending);
    pending.delivered = Math.max(pending.delivered, lastDeliveredSeq, lastReadSeq);
    pending.read = Math.max(pending.read, lastReadSeq);
    if (!this.due(pending) || pending.inFlight || pending.timer !== undefined) return;
    if (this.windowMs === 0) this.flush(conversationId);
    else pending.timer = setTimeout(() => this.flush(conversationId), this.windowMs);
  }

  /** Sends what waits at once (a page about to hide, a test). */
  flushAll(): void {
    for (const conversationId of this.byConversation.keys()) this.flush(conversationId);
  }

  /** Forgets timers; receipts in flight still complete. */
  stop(): void {
    for (const pending of this.byConversation.values()) {
      clearTimeout(pending.timer);
      pending.timer = undefined;
    }
  }

  private due(pending: Pending): boolean {
    return pending.delivered > pending.sentDelivered || pending.read > pending.sentRead;
  }

  private flush(conversationId: string): void {
    const pending = this.byConversation.get(conversationId);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.timer = undefined;
    if (pending.inFlight || !this.due(pending)) return;
    const delivered = pending.delivered;
    const read = pending.read;
    pending.inFlight = true;
    this.send(conversationId, delivered, read).then(() => {
      pending.failures = 0;
      pending.sentDelivered = Math.max(pending.sentDelivered, delivered);
      pending.sentRead = Math.max(pending.sentRead, read);
      pending.inFlight = false;
      this.flush(conversationId);
    }, (error: unknown) => {
      pending.inFlight = false;
      if (!transient(error)) {
        // refused for good: these seqs are not the server's to keep; a later report starts afresh
        pending.sentDelivered = Math.max(pending.sentDelivered, delivered);
        pending.sentRead = Math.max(pending.sentRead, read);
        return;
      }
      pending.timer = setTimeout(() => this.flush(conversationId), backoffDelay(pending.failures++));
    });
  }
}
