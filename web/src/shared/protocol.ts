/** Shapes of docs/protocol.md and docs/events.md, as far as the UIs read them. */

export interface Actor {
  kind: 'CUSTOMER' | 'AGENT' | 'BOT' | 'SYSTEM' | string;
  id?: string | null;
}

export interface Envelope {
  eventId: string;
  type: string;
  conversationId?: string | null;
  seq?: number | null;
  occurredAt: string;
  actor: Actor;
  data: any;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string | null;
  senderKind: string;
  kind: string;
  body: string | null;
  replyTo?: string | null;
  clientMsgId?: string | null;
  createdAt: string;
  editedAt?: string | null;
  deletedAt?: string | null;
  quickReplies?: string[] | null;
  attachments?: { id: string; name: string; contentType: string; size: number }[] | null;
}

export interface ReactionCount {
  messageId: string;
  emoji: string;
  userIds: string[];
}

export interface HistoryPage {
  messages: Message[];
  reactions: ReactionCount[];
  more: boolean;
}

export interface Conversation {
  id: string;
  inboxId: string;
  customerId: string;
  departmentId: string | null;
  status: string;
  ownerId: string | null;
  lastSeq: number;
  queuedAt: string | null;
  createdAt: string;
  lastActivityAt: string;
}

export interface Participant {
  conversationId: string;
  userId: string;
  role: 'CUSTOMER' | 'AGENT';
  joinedAt: string;
  leftAt: string | null;
  lastDeliveredSeq: number;
  lastReadSeq: number;
  readAt?: string | null;
}

export interface Detail {
  conversation: Conversation;
  participants: Participant[];
}

export interface Summary {
  id: string;
  customerId: string;
  customerName: string | null;
  departmentId: string | null;
  status: string;
  ownerId: string | null;
  lastSeq: number;
  queuedAt: string | null;
  lastActivityAt: string;
  unread: number;
  lastMessagePreview: string | null;
}

export interface EventsPage {
  events: Envelope[];
  throughSeq: number;
  more: boolean;
}

export interface Welcome {
  userId: string;
  role: string;
  node: string;
  protocol: number;
}

/** An `error` frame's or a problem's stable code, with its message. */
export class ParleyError extends Error {
  /** `fields` names each invalid field with what is wrong with it, as a problem's `fields` does. */
  constructor(readonly code: string, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

/** Refusals that say "not now" (the gateway or conversation-service could not answer): ask again after a backoff. */
const TRANSIENT = new Set(['upstream.unavailable', 'store.unavailable', 'frame.rate_limited', 'gateway.internal', 'connection.lost']);

export function transient(error: unknown): boolean {
  const code = error instanceof ParleyError ? error.code : '';
  return TRANSIENT.has(code) || code.startsWith('http.5');
}
