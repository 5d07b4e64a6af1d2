import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import type { Envelope } from '../src/shared/protocol';
import { ParleySocket } from '../src/shared/socket';

/** A WebSocket the test plays the gateway for. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: any[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: ((c: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000): void {
    this.onclose?.({ code });
  }

  /** The gateway's side: accept the hello. */
  welcome(): void {
    this.onopen?.();
    this.deliver({ type: 'welcome', ref: 'hello', protocol: 1, userId: 'u', role: 'CUSTOMER', node: 'gw' });
  }

  deliver(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  last(type: string): any {
    return [...this.sent].reverse().find((f) => f.type === type);
  }
}

const event = (seq: number, body = `m${seq}`): Envelope => ({ eventId: `e${seq}`, type: 'message.created', conversationId: 'c1', seq,
  occurredAt: '', actor: { kind: 'AGENT', id: 'a' }, data: { messageId: `m${seq}`, body } });

const flush = () => new Promise((resolve) => setImmediate(resolve));

const sockets: ParleySocket[] = [];

function client(received: Envelope[] = [], extra: Partial<ConstructorParameters<typeof ParleySocket>[0]> = {}) {
  const socket = new ParleySocket({ url: 'ws://test/ws', token: async () => 'T1', onEvent: (e) => received.push(e), ...extra });
  sockets.push(socket);
  return socket;
}

async function connected(socket: ParleySocket): Promise<FakeSocket> {
  socket.start();
  await flush();
  const ws = FakeSocket.all[FakeSocket.all.length - 1];
  ws.welcome();
  return ws;
}

afterEach(() => {
  // Stopping closes the socket, which clears its ping timer: nothing keeps the test process alive.
  sockets.splice(0).forEach((socket) => socket.stop());
  mock.timers.reset();
});

beforeEach(() => {
  FakeSocket.all = [];
  (globalThis as any).WebSocket = FakeSocket;
  mock.timers.reset();
});

test('hello carries the token and, after a reconnect, the last seq seen per conversation', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const socket = client(received);
  const first = await connected(socket);
  assert.deepEqual(first.sent[0], { type: 'hello', ref: 'hello', token: 'T1', lastSeqs: {} });
  first.deliver({ type: 'event', event: event(1) });
  first.deliver({ type: 'event', event: event(2) });

  first.close(1006);
  mock.timers.tick(15000);
  await flush();
  const second = FakeSocket.all[1];
  second.onopen?.();
  assert.deepEqual(second.sent[0].lastSeqs, { c1: 2 });
});

test('an event seen twice is handed over once', async () => {
  const received: Envelope[] = [];
  const ws = await connected(client(received));
  [1, 2, 2, 1, 3].forEach((seq) => ws.deliver({ type: 'event', event: event(seq) }));
  assert.deepEqual(received.map((e) => e.seq), [1, 2, 3]);
});

test('a jump in seqs is filled by events.since before later events are handed over', async () => {
  const received: Envelope[] = [];
  const ws = await connected(client(received));
  ws.deliver({ type: 'event', event: event(1) });
  ws.deliver({ type: 'event', event: event(4) });
  ws.deliver({ type: 'event', event: event(5) });
  const ask = ws.last('events.since');
  assert.equal(ask.since, 1);
  assert.deepEqual(received.map((e) => e.seq), [1], 'nothing after the gap until it is filled');
  ws.deliver({ type: 'ack', ref: ask.ref, result: { events: [event(2), event(3), event(4)], throughSeq: 4, more: false } });
  await flush();
  assert.deepEqual(received.map((e) => e.seq), [1, 2, 3, 4, 5]);
});

test('a send in flight when the connection drops is sent again after the reconnect; other commands fail', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const socket = client();
  const first = await connected(socket);
  const sent = socket.request('message.send', { conversationId: 'c1', clientMsgId: 'k1', body: 'hi' });
  const resolved = socket.request('conversation.resolve', { conversationId: 'c1' });
  first.close(1006);
  await assert.rejects(resolved, (e: any) => e.code === 'connection.lost');

  mock.timers.tick(15000);
  await flush();
  const second = FakeSocket.all[1];
  second.welcome();
  const again = second.last('message.send');
  assert.equal(again.clientMsgId, 'k1');
  second.deliver({ type: 'ack', ref: again.ref, result: { id: 'm1' } });
  assert.deepEqual(await sent, { id: 'm1' });
});

test('a node that says reconnect is left for another at once, without backing off', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const socket = client();
  const first = await connected(socket);
  first.close(1006);
  mock.timers.tick(15000); // a first failure raises the backoff
  await flush();
  const second = FakeSocket.all[1];
  second.welcome();
  second.deliver({ type: 'reconnect', reason: 'shutdown' });
  second.close(1012);
  mock.timers.tick(250);
  await flush();
  assert.equal(FakeSocket.all.length, 3);
});

test('a warning that the token expires is answered with auth and a fresh token', async () => {
  const socket = client([], { renewToken: async () => 'T2' });
  const ws = await connected(socket);
  ws.deliver({ type: 'auth.expiring', expiresAt: '2026-11-21T12:00:00Z' });
  await flush();
  assert.equal(ws.last('auth').token, 'T2');
});

// Resume (docs/protocol.md, "Delivery and resume"). The gateway handles a socket's frames one at a
// time, so a gap fill asked for during the hello's replays is answered after their `resumed`.

/** Drops the connection and lets the client reconnect; the new socket's gateway side has sent welcome. */
async function reconnected(first: FakeSocket): Promise<FakeSocket> {
  first.close(1006);
  mock.timers.tick(15000);
  await flush();
  const next = FakeSocket.all[FakeSocket.all.length - 1];
  assert.notEqual(next, first, 'the client reconnected');
  next.welcome();
  return next;
}

const seqsOf = (received: Envelope[]) => received.map((e) => e.seq);
const sentOf = (ws: FakeSocket, type: string) => ws.sent.filter((f) => f.type === type);

test('a customer resuming past a note they may not see is shown the reply after it (issue 15, defect 1)', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const first = await connected(client(received));
  [1, 2, 3, 4, 5].forEach((seq) => first.deliver({ type: 'event', event: event(seq) }));

  // Away, the agent wrote a note (6) and then a reply (7). The customer's replay skips the note.
  const second = await reconnected(first);
  assert.deepEqual(second.sent[0].lastSeqs, { c1: 5 });
  second.deliver({ type: 'event', event: event(7, 'the reply') });
  second.deliver({ type: 'resumed', conversationId: 'c1', throughSeq: 7 });
  const ask = second.last('events.since');
  assert.equal(ask.since, 5, 'the client cannot tell a note from a lost event, so it asks');
  second.deliver({ type: 'ack', ref: ask.ref, result: { events: [event(7, 'the reply')], throughSeq: 7, more: false } });
  await flush();

  assert.deepEqual(seqsOf(received), [1, 2, 3, 4, 5, 7]);
});

test('resumed moves the tracker over a note at the end of the replay, so the next reply needs no gap fill', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const socket = client(received);
  const first = await connected(socket);
  [1, 2].forEach((seq) => first.deliver({ type: 'event', event: event(seq) }));

  const second = await reconnected(first);
  second.deliver({ type: 'resumed', conversationId: 'c1', throughSeq: 3 }); // 3 was a note
  second.deliver({ type: 'event', event: event(4) });

  assert.deepEqual(seqsOf(received), [1, 2, 4]);
  assert.equal(sentOf(second, 'events.since').length, 0);
  assert.equal(socket.seqs.get('c1'), 4);
});

test('a replay the gateway could not finish is caught up with events.since, again after a backoff while that fails', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const first = await connected(client(received));
  [1, 2, 3].forEach((seq) => first.deliver({ type: 'event', event: event(seq) }));

  const second = await reconnected(first);
  second.deliver({ type: 'event', event: event(4) }); // the replay's first page, then conversation-service went away
  second.deliver({ type: 'error', code: 'resume.failed', conversationId: 'c1', reason: 'upstream.unavailable',
    message: 'could not resume c1' });
  const ask = second.last('events.since');
  assert.ok(ask, 'a failed replay is followed by a gap fill from the last seq applied');
  assert.equal(ask.since, 4);
  second.deliver({ type: 'error', ref: ask.ref, code: 'upstream.unavailable', message: 'conversation-service is unreachable' });
  await flush();
  second.deliver({ type: 'event', event: event(7) }); // live again: it waits for the gap before it
  assert.equal(sentOf(second, 'events.since').length, 1, 'no retry before the backoff');

  mock.timers.tick(15000);
  await flush();
  const retry = second.last('events.since');
  assert.notEqual(retry.ref, ask.ref);
  assert.equal(retry.since, 4);
  second.deliver({ type: 'ack', ref: retry.ref, result: { events: [event(5), event(6), event(7)], throughSeq: 7, more: false } });
  await flush();

  assert.deepEqual(seqsOf(received), [1, 2, 3, 4, 5, 6, 7]);
});

test('a gap fill cut by a reconnect is asked again and applied; the new replay and resumed do not skip it', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const first = await connected(client(received));
  first.deliver({ type: 'event', event: event(1) });
  first.deliver({ type: 'event', event: event(4) });
  assert.equal(first.last('events.since').since, 1);

  const second = await reconnected(first); // before the fill was answered
  assert.deepEqual(second.sent[0].lastSeqs, { c1: 1 });
  [2, 3, 4].forEach((seq) => second.deliver({ type: 'event', event: event(seq) }));
  second.deliver({ type: 'resumed', conversationId: 'c1', throughSeq: 4 });
  const ask = second.last('events.since');
  assert.equal(ask.since, 1);
  second.deliver({ type: 'ack', ref: ask.ref, result: { events: [event(2), event(3), event(4)], throughSeq: 4, more: false } });
  await flush();
  second.deliver({ type: 'event', event: event(5) });

  assert.deepEqual(seqsOf(received), [1, 2, 3, 4, 5]);
});

test('live events racing a gap fill of several pages wait for it and are handed over once, in order', async () => {
  const received: Envelope[] = [];
  const ws = await connected(client(received));
  ws.deliver({ type: 'event', event: event(1) });
  ws.deliver({ type: 'event', event: event(5) });
  const firstPage = ws.last('events.since');
  ws.deliver({ type: 'event', event: event(6) });
  ws.deliver({ type: 'ack', ref: firstPage.ref, result: { events: [event(2), event(3)], throughSeq: 3, more: true } });
  await flush();
  ws.deliver({ type: 'event', event: event(7) });
  const secondPage = ws.last('events.since');
  assert.equal(secondPage.since, 3);
  ws.deliver({ type: 'ack', ref: secondPage.ref, result: { events: [event(4), event(5), event(6)], throughSeq: 6, more: false } });
  await flush();

  assert.deepEqual(seqsOf(received), [1, 2, 3, 4, 5, 6, 7]);
});

test('a gap fill the gateway refuses for good is not asked again in a loop', async () => {
  const received: Envelope[] = [];
  const ws = await connected(client(received));
  ws.deliver({ type: 'event', event: event(1) });
  ws.deliver({ type: 'event', event: event(3) });
  const ask = ws.last('events.since');
  ws.deliver({ type: 'error', ref: ask.ref, code: 'conversation.forbidden', message: 'not yours' });
  await flush();

  assert.equal(sentOf(ws, 'events.since').length, 1);
  assert.deepEqual(seqsOf(received), [1]);
});

test('a client stopped while a gap fill waits to retry asks no more; started again, it resumes from the last seq applied', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const received: Envelope[] = [];
  const socket = client(received);
  const ws = await connected(socket);
  ws.deliver({ type: 'event', event: event(1) });
  ws.deliver({ type: 'event', event: event(3) });
  ws.deliver({ type: 'error', ref: ws.last('events.since').ref, code: 'upstream.unavailable', message: 'later' });
  await flush();

  socket.stop();
  mock.timers.tick(15000);
  await flush();
  assert.equal(sentOf(ws, 'events.since').length, 1);

  socket.start();
  await flush();
  const again = FakeSocket.all[FakeSocket.all.length - 1];
  again.onopen?.();
  assert.deepEqual(again.sent[0].lastSeqs, { c1: 1 });
  assert.deepEqual(seqsOf(received), [1]);
});

test('events arriving while a UI loads a conversation follow the loaded state, from the seq it covers', async () => {
  const received: Envelope[] = [];
  const socket = client(received);
  const ws = await connected(socket);
  const shown: string[] = [];
  let answer!: (read: { state: string; throughSeq: number }) => void;
  const loading = socket.load<string>('c1', () => new Promise((resolve) => { answer = resolve; }), (state) => {
    shown.push(state);
    assert.deepEqual(seqsOf(received), [], 'nothing is handed over before the state is shown');
  });
  // Live while the detail and history are read: 4 and 5 are in them, 7 came after (6 is still on its way).
  [4, 5, 7].forEach((seq) => ws.deliver({ type: 'event', event: event(seq) }));
  ws.deliver({ type: 'resumed', conversationId: 'c1', throughSeq: 7 }); // held events are not applied yet
  answer({ state: 'history through 5', throughSeq: 5 });
  await loading;

  assert.deepEqual(shown, ['history through 5']);
  const ask = ws.last('events.since');
  assert.equal(ask.since, 5);
  ws.deliver({ type: 'ack', ref: ask.ref, result: { events: [event(6), event(7)], throughSeq: 7, more: false } });
  await flush();
  assert.deepEqual(seqsOf(received), [6, 7]);
});

test('a load that fails hands over what waited, judged against the tracker as it was', async () => {
  const received: Envelope[] = [];
  const socket = client(received);
  const ws = await connected(socket);
  ws.deliver({ type: 'event', event: event(1) });
  const loading = socket.load('c1', async () => {
    ws.deliver({ type: 'event', event: event(2) });
    throw new Error('conversation.open failed');
  }, () => assert.fail('nothing to show'));
  await assert.rejects(loading);

  assert.deepEqual(seqsOf(received), [1, 2]);
});

test('a gap fill answered while a UI loads the conversation is applied after the loaded state, above it', async () => {
  const received: Envelope[] = [];
  const socket = client(received);
  const ws = await connected(socket);
  ws.deliver({ type: 'event', event: event(1) });
  ws.deliver({ type: 'event', event: event(3) });
  const ask = ws.last('events.since');
  let answer!: (read: { state: string; throughSeq: number }) => void;
  const shown: string[] = [];
  const loading = socket.load<string>('c1', () => new Promise((resolve) => { answer = resolve; }), (state) => shown.push(state));
  ws.deliver({ type: 'ack', ref: ask.ref, result: { events: [event(2), event(3), event(4)], throughSeq: 4, more: false } });
  await flush();
  assert.deepEqual(seqsOf(received), [1], 'the fill waits for the state to be shown');

  answer({ state: 'history through 3', throughSeq: 3 }); // read before the fill's page
  await loading;
  await flush();

  assert.deepEqual(shown, ['history through 3']);
  assert.deepEqual(seqsOf(received), [1, 4], 'what the state holds is not handed over again; what follows it is');
});
