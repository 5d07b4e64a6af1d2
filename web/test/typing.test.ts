import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TypingSignal } from '../src/shared/typing';

function recorder(start = 0) {
  const sent: { conversationId: string; typing: boolean }[] = [];
  let now = start;
  const signal = new TypingSignal((conversationId, typing) => sent.push({ conversationId, typing }), () => now, 2500);
  return { sent, signal, advance: (ms: number) => { now += ms; } };
}

// Issue 15, defect 6: the console sent `typing` while an agent wrote a private note, so the
// customer saw "Agent is typing…" for words they would never read.
test('writing a private note tells nobody', () => {
  const { sent, signal, advance } = recorder(10_000);

  signal.typed('c1', true);
  advance(3000);
  signal.typed('c1', true);
  signal.stop();

  assert.deepEqual(sent, []);
});

test('turning a reply into a note takes the typing back at once', () => {
  const { sent, signal } = recorder(10_000);

  signal.typed('c1', false);
  signal.typed('c1', true);

  assert.deepEqual(sent, [{ conversationId: 'c1', typing: true }, { conversationId: 'c1', typing: false }]);
});

test('a reply says typing at most every interval and stops once', () => {
  const { sent, signal, advance } = recorder(10_000);

  signal.typed('c1', false);
  advance(1000);
  signal.typed('c1', false);
  advance(2000);
  signal.typed('c1', false);
  signal.stop();
  signal.stop();

  assert.deepEqual(sent, [
    { conversationId: 'c1', typing: true },
    { conversationId: 'c1', typing: true },
    { conversationId: 'c1', typing: false },
  ]);
});
