import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../src/shared/protocol';
import { SeqTracker } from '../src/shared/seqs';

const event = (seq: number | null, conversationId = 'c1'): Envelope =>
  ({ eventId: `e${seq}`, type: 'message.created', conversationId, seq, occurredAt: '', actor: { kind: 'AGENT' }, data: {} });

test('applies the first event of an unknown conversation and then each next seq', () => {
  const seqs = new SeqTracker();
  assert.deepEqual(seqs.judge(event(7)), { kind: 'apply' });
  seqs.advance('c1', 7);
  assert.deepEqual(seqs.judge(event(8)), { kind: 'apply' });
});

test('drops an event at or below the highest seq seen', () => {
  const seqs = new SeqTracker();
  seqs.advance('c1', 5);
  assert.deepEqual(seqs.judge(event(5)), { kind: 'duplicate' });
  assert.deepEqual(seqs.judge(event(2)), { kind: 'duplicate' });
});

test('reports a jump as a gap to fill from the last seq seen', () => {
  const seqs = new SeqTracker();
  seqs.advance('c1', 3);
  assert.deepEqual(seqs.judge(event(5)), { kind: 'gap', since: 3 });
});

test('passes events without a seq through', () => {
  assert.deepEqual(new SeqTracker().judge(event(null)), { kind: 'unsequenced' });
});

test('never moves back, and hands the hello its lastSeqs per conversation', () => {
  const seqs = new SeqTracker();
  seqs.advance('c1', 9);
  seqs.advance('c1', 4);
  seqs.advance('c2', 1);
  assert.deepEqual(seqs.snapshot(), { c1: 9, c2: 1 });
});
