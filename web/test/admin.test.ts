import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedSnippet, originsOf, passwordLink, tokenOf } from '../src/console/admin/links';

test('the embed snippet loads the widget from the console origin with the inbox key', () => {
  assert.equal(embedSnippet('https://chat.acme.example', 'pk_1a2b'),
    '<script src="https://chat.acme.example/widget.js" data-inbox="pk_1a2b" async></script>');
});

test('a key cannot break out of its attribute', () => {
  assert.ok(embedSnippet('http://localhost:8080', 'a"b').includes('data-inbox="a&quot;b"'));
});

test('a password link carries its token in the fragment and reads back', () => {
  const link = passwordLink('http://localhost:8080', 'abc_-123');
  assert.equal(link, 'http://localhost:8080/console/password#token=abc_-123');
  assert.equal(tokenOf(new URL(link).hash), 'abc_-123');
  assert.equal(tokenOf(''), null);
});

test('origins are read one per line or comma separated, without trailing slashes', () => {
  assert.deepEqual(originsOf('https://a.example/\nhttps://b.example, http://localhost:3000\n\n'),
    ['https://a.example', 'https://b.example', 'http://localhost:3000']);
});
