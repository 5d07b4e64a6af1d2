import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from '../src/shared/backoff';

test('doubles from the first delay and stops at the maximum', () => {
  const top = (attempt: number) => backoffDelay(attempt, 500, 15000, () => 1);
  assert.deepEqual([0, 1, 2, 3, 10].map(top), [500, 1000, 2000, 4000, 15000]);
});

test('draws each delay from the upper half of its ceiling', () => {
  assert.equal(backoffDelay(2, 500, 15000, () => 0), 1000);
  assert.equal(backoffDelay(2, 500, 15000, () => 0.5), 1500);
});
