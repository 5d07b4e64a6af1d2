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
