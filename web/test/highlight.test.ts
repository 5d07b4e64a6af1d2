import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snippetParts } from '../src/console/highlight';

test('the matched words are marked and the rest is plain text', () => {
  assert.deepEqual(snippetParts('I want a \uE000refund\uE001 for my \uE000order\uE001 now'), [
    { text: 'I want a ', mark: false }, { text: 'refund', mark: true }, { text: ' for my ', mark: false },
    { text: 'order', mark: true }, { text: ' now', mark: false }]);
});

test('markup a customer typed stays text: only the service\'s marks highlight', () => {
  const parts = snippetParts('<b>free</b> <img src=x onerror=alert(1)> \uE000refund\uE001 <script>x()</script>');
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['refund']);
  assert.equal(parts.map((p) => p.text).join(''), '<b>free</b> <img src=x onerror=alert(1)> refund <script>x()</script>');
});

test('an unmatched mark neither loses text nor leaves a mark open past the end', () => {
  assert.deepEqual(snippetParts('a\uE001b'), [{ text: 'a', mark: false }, { text: 'b', mark: false }]);
  assert.deepEqual(snippetParts('\uE000open'), [{ text: 'open', mark: true }]);
  assert.deepEqual(snippetParts(''), []);
});
