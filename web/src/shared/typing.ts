/**
 * When to tell the others that this user types: `typing: true` at most every `everyMs` while they
 * write a reply, `typing: false` once when they stop or send. A private note tells nobody (the
 * customer would see "is typing…" for words they never get), and a reply turned into a note takes
 * the typing back at once.
 */
export class TypingSignal {
  private sentAt = 0;
  private conversationId: string | undefined;

  constructor(
    private readonly notify: (conversationId: string, typing: boolean) => void,
    private readonly now: () => number = Date.now,
    private readonly everyMs = 2500,
  ) {}

  /** The user typed in `conversationId`'s composer; `note` while it is set to a private note. */
  typed(conversationId: string, note: boolean): void {
    if (note) {
      this.stop();
      return;
    }
    if (this.conversationId !== undefined && this.conversationId !== conversationId) {
      this.stop();
    }
    const now = this.now();
    if (!this.sentAt || now - this.sentAt > this.everyMs) {
      this.sentAt = now;
      this.conversationId = conversationId;
      this.notify(conversationId, true);
    }
  }

  /** Stopped, sent or turned into a note: `typing: false` if `true` went out. */
  stop(): void {
    if (this.sentAt && this.conversationId !== undefined) {
      this.notify(this.conversationId, false);
    }
    this.sentAt = 0;
    this.conversationId = undefined;
  }
}
