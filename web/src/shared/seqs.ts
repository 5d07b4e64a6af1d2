import type { Envelope } from './protocol';

/** What to do with an event, judged by the seqs seen so far in its conversation. */
export type Verdict =
  | { kind: 'apply' }
  | { kind: 'duplicate' }
  | { kind: 'gap'; since: number }
  | { kind: 'unsequenced' };

/**
 * Per conversation, the seq the client has everything through: drops what was already applied,
 * spots gaps, and gives the `lastSeqs` of the next hello, so a reconnect resumes exactly where the
 * client was. Advance it only over what was applied (events, or a freshly loaded history), or over
 * a range the gateway said holds nothing more for this user (docs/protocol.md, "Clients"): a later
 * gap fill drops whatever lies at or below it.
 */
export class SeqTracker {
  private readonly last = new Map<string, number>();

  judge(event: Envelope): Verdict {
    if (event.seq == null || !event.conversationId) {
      return { kind: 'unsequenced' };
    }
    const seen = this.last.get(event.conversationId);
    if (seen === undefined || event.seq === seen + 1) {
      return { kind: 'apply' };
    }
    if (event.seq <= seen) {
      return { kind: 'duplicate' };
    }
    return { kind: 'gap', since: seen };
  }

  /** The client has everything of the conversation it may see through `seq` (never moves back). */
  advance(conversationId: string, seq: number): void {
    const seen = this.last.get(conversationId);
    if (seen === undefined || seq > seen) {
      this.last.set(conversationId, seq);
    }
  }

  has(conversationId: string): boolean {
    return this.last.has(conversationId);
  }

  get(conversationId: string): number {
    return this.last.get(conversationId) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.last);
  }
}
