import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParleyError } from '../src/shared/protocol';
import { ReadReceipts } from '../src/shared/reads';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder() {
  const sent: { conversationId: string; delivered: number; read: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const send = (conversationId: string, delivered: number, read: number) => new Promise<void>((resolve, reject) => {
    sent.push({ conversationId, delivered, read, resolve, reject });
  });
  return { sent, send };
}

test('a burst of reads of one conversation goes out as one receipt for its highest seqs', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 20);

  for (let seq = 1; seq <= 50; seq++) reads.report('c1', seq, seq);
  await tick(40);

  assert.equal(sent.length, 1);
  assert.deepEqual([sent[0].delivered, sent[0].read], [50, 50]);
});

test('reads arriving while one is in flight follow it, merged, and the final watermark always arrives', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 0);

  reads.report('c1', 1, 1);
  for (let seq = 2; seq <= 30; seq++) reads.report('c1', seq, seq);
  assert.equal(sent.length, 1, 'one in flight at a time');
  sent[0].resolve();
  await tick();

  assert.equal(sent.length, 2);
  assert.deepEqual([sent[1].delivered, sent[1].read], [30, 30]);
  sent[1].resolve();
  await tick();
  reads.report('c1', 30, 30);
  await tick();
  assert.equal(sent.length, 2, 'nothing new: nothing sent');
});

test('a receipt refused for now is sent again, merged with what came since, never lowered', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 0);

  reads.report('c1', 7, 5);
  sent[0].reject(new ParleyError('upstream.unavailable', 'conversation-service is unreachable'));
  await tick();
  reads.report('c1', 6, 6);
  await tick(1100);

  assert.equal(sent.length, 2, 'sent again after the backoff');
  assert.deepEqual([sent[1].delivered, sent[1].read], [7, 6]);
  reads.stop();
});

test('a receipt refused for good is not sent again', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 0);

  reads.report('c1', 3, 3);
  sent[0].reject(new ParleyError('read.not_participant', 'only participants have read state'));
  await tick(1100);

  assert.equal(sent.length, 1);
});

test('conversations are coalesced apart', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 10);

  reads.report('c1', 3, 3);
  reads.report('c2', 9, 8);
  reads.report('c1', 4, 4);
  await tick(30);

  assert.deepEqual(sent.map((s) => [s.conversationId, s.delivered, s.read]).sort(), [['c1', 4, 4], ['c2', 9, 8]]);
});

test('delivery is implied up to what was read', async () => {
  const { sent, send } = recorder();
  const reads = new ReadReceipts(send, 0);

  reads.report('c1', 2, 9);

  assert.deepEqual([sent[0].delivered, sent[0].read], [9, 9]);
});
