import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reactorNames, receipt } from '../src/console/receipts';

const names: Record<string, string> = { cust: 'Alice', bob: 'Bob', me: 'Ada' };
const name = (id: string) => names[id] ?? 'Someone';
const at = (iso: string) => iso.slice(11, 16);

test('a message read by the customer says who saw it and when', () => {
  const reads = new Map([['me', { lastDeliveredSeq: 9, lastReadSeq: 9 }], ['cust', { lastDeliveredSeq: 7, lastReadSeq: 7 }]]);
  assert.equal(receipt(7, reads, 'me', new Map([['cust', '2026-12-03T10:42:00Z']]), name, at), 'Seen by Alice at 10:42');
  assert.equal(receipt(7, reads, 'me', new Map(), name, at), 'Seen by Alice', 'no read time known');
});

test('the latest read time of several readers is shown', () => {
  const reads = new Map([['cust', { lastDeliveredSeq: 5, lastReadSeq: 5 }], ['bob', { lastDeliveredSeq: 6, lastReadSeq: 6 }]]);
  const times = new Map([['cust', '2026-12-03T10:40:00Z'], ['bob', '2026-12-03T10:45:00Z']]);
  assert.equal(receipt(5, reads, 'me', times, name, at), 'Seen by Alice, Bob at 10:45');
});

test('a message only delivered says Delivered, one nobody has yet says Sent; my own read never counts', () => {
  const reads = new Map([['me', { lastDeliveredSeq: 8, lastReadSeq: 8 }], ['cust', { lastDeliveredSeq: 8, lastReadSeq: 3 }]]);
  assert.equal(receipt(8, reads, 'me', new Map(), name, at), 'Delivered');
  assert.equal(receipt(9, reads, 'me', new Map(), name, at), 'Sent');
});

test('reactions name who reacted, the reader first as you', () => {
  assert.equal(reactorNames(['cust', 'me', 'bob'], 'me', name), 'you, Alice, Bob');
  assert.equal(reactorNames(['cust'], 'me', name), 'Alice');
});
