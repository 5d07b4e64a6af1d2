import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope, HistoryPage, Message } from '../src/shared/protocol';
import { Timeline } from '../src/shared/timeline';

const AT = '2026-11-21T12:00:00Z';
const message = (seq: number, body: string, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`, conversationId: 'c1', seq, senderId: 'cust', senderKind: 'CUSTOMER', kind: 'TEXT', body,
  clientMsgId: `k${seq}`, createdAt: AT, ...extra,
});
const event = (seq: number | null, type: string, data: any): Envelope =>
  ({ eventId: `e${seq}`, type, conversationId: 'c1', seq, occurredAt: AT, actor: { kind: 'CUSTOMER', id: 'cust' }, data });
const created = (m: Message) => event(m.seq, 'message.created', { ...m, messageId: m.id });
const view = (t: Timeline) => t.ordered().map((e) => ({ id: e.id, seq: e.seq, body: e.body, deleted: !!e.deletedAt,
  reactions: [...e.reactions].map(([emoji, users]) => [emoji, [...users].sort()]) }));

test('events applied to a stale copy give what a fresh history load gives', () => {
  const stale = new Timeline();
  stale.load({ messages: [message(1, 'hello')], reactions: [], more: false });
  [created(message(2, 'where is my order?')), event(3, 'message.edited', { messageId: 'm2', body: 'where is order 42?' }),
    event(4, 'reaction.added', { messageId: 'm1', userId: 'agent', emoji: '👍' }),
    created(message(5, 'oops')), event(6, 'message.deleted', { messageId: 'm5', deletedAt: AT })]
    .forEach((e) => stale.apply(e));

  const fresh = new Timeline();
  const page: HistoryPage = {
    messages: [message(1, 'hello'), message(2, 'where is order 42?', { editedAt: AT }), message(5, null as unknown as string, { deletedAt: AT })],
    reactions: [{ messageId: 'm1', emoji: '👍', userIds: ['agent'] }], more: false,
  };
  fresh.load(page);
  assert.deepEqual(view(stale), view(fresh));
});

test('an event seen twice changes nothing', () => {
  const timeline = new Timeline();
  const hello = created(message(1, 'hello'));
  timeline.apply(hello);
  timeline.apply(event(2, 'reaction.added', { messageId: 'm1', userId: 'agent', emoji: '👍' }));
  const once = view(timeline);
  timeline.apply(hello);
  timeline.apply(event(2, 'reaction.added', { messageId: 'm1', userId: 'agent', emoji: '👍' }));
  assert.deepEqual(view(timeline), once);
});

test('a pending message is replaced by its confirmation, matched by clientMsgId', () => {
  const timeline = new Timeline();
  timeline.addPending({ ...message(0, 'hi'), id: 'pending:k9', clientMsgId: 'k9' });
  assert.equal(timeline.ordered()[0].pending, true);
  timeline.apply(created(message(4, 'hi', { clientMsgId: 'k9' })));
  assert.deepEqual(timeline.ordered().map((e) => [e.id, !!e.pending]), [['m4', false]]);
});

test('removing the last reaction of an emoji drops the emoji', () => {
  const timeline = new Timeline();
  timeline.apply(created(message(1, 'hello')));
  timeline.apply(event(2, 'reaction.added', { messageId: 'm1', userId: 'agent', emoji: '👍' }));
  timeline.apply(event(3, 'reaction.removed', { messageId: 'm1', userId: 'agent', emoji: '👍' }));
  assert.equal(timeline.entries.get('m1')!.reactions.size, 0);
});

test('read marks tell whether someone else has seen a message', () => {
  const timeline = new Timeline();
  timeline.apply(event(null, 'read.updated', { userId: 'agent', lastDeliveredSeq: 3, lastReadSeq: 2 }));
  assert.equal(timeline.seenByOthers('cust', 2), true);
  assert.equal(timeline.seenByOthers('cust', 3), false);
  assert.equal(timeline.seenByOthers('agent', 2), false);
});

test('status and owner follow the lifecycle events', () => {
  const timeline = new Timeline();
  timeline.apply(event(1, 'conversation.status_changed', { from: 'QUEUED', to: 'ACTIVE' }));
  timeline.apply(event(2, 'conversation.assigned', { agentId: 'agent' }));
  assert.equal(timeline.status, 'ACTIVE');
  assert.equal(timeline.ownerId, 'agent');
});
