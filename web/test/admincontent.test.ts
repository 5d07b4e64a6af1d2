import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scopeOf } from '../src/console/admin/canned';
import { describeTrial, keywordsOf, type FaqEntry } from '../src/console/admin/faq';
import { problemLines } from '../src/console/admin/forms';
import { signInRefusal } from '../src/console/signin';

const entry = (id: string, question: string): FaqEntry => ({ id, question, answer: `${question} answered`, keywords: [], position: 0, active: true });

test('a canned reply says who it is for: personal, a department, or everyone', () => {
  const names = (id: string) => (id === 'd1' ? 'Billing' : 'Unknown');
  assert.equal(scopeOf({ id: '1', shortcut: 'a', body: 'b', ownerId: 'me', departmentId: null }, names), 'Personal');
  assert.equal(scopeOf({ id: '2', shortcut: 'a', body: 'b', ownerId: null, departmentId: 'd1' }, names), 'Billing');
  assert.equal(scopeOf({ id: '3', shortcut: 'a', body: 'b', ownerId: null, departmentId: null }, names), 'Everyone');
});

test('a trial names the entry the bot picks and marks it among the candidates', () => {
  const shipping = entry('e1', 'How long does shipping take?');
  const described = describeTrial({ reply: { text: 'Three days.', quickReplies: ['Talk to an agent'], answered: shipping },
    ranked: [{ entry: shipping, score: 0.75 }, { entry: entry('e2', 'Do you ship abroad?'), score: 0.25 }], confidenceThreshold: 0.5 });

  assert.equal(described.verdict, 'The bot answers with “How long does shipping take?”.');
  assert.deepEqual(described.candidates, [
    { question: 'How long does shipping take?', matched: '75% of the words', picked: true },
    { question: 'Do you ship abroad?', matched: '25% of the words', picked: false }]);
});

test('a trial without a confident entry says the bot hands over, with the threshold', () => {
  const described = describeTrial({ reply: { text: 'not sure', quickReplies: [], answered: null },
    ranked: [{ entry: entry('e2', 'Do you ship abroad?'), score: 0.2 }], confidenceThreshold: 0.5 });

  assert.match(described.verdict, /No entry matches 50% of the words/);
  assert.equal(described.candidates[0].picked, false);
});

test('keywords are read separated by commas or spaces', () => {
  assert.deepEqual(keywordsOf(' delivery, shipping  post,,'), ['delivery', 'shipping', 'post']);
  assert.deepEqual(keywordsOf(''), []);
});

test('a problem names each field with its message, or falls back to its own message', () => {
  assert.deepEqual(problemLines('bad', { shortcut: '1 to 40 of a-z', body: 'a text of 1 to 4000 characters' }),
    ['shortcut: 1 to 40 of a-z', 'body: a text of 1 to 4000 characters']);
  assert.deepEqual(problemLines('no such department', {}), ['no such department']);
  assert.deepEqual(problemLines('no such department', undefined), ['no such department']);
});

test('a refused sign-in says to wait when rate limited, else that the credentials are wrong', () => {
  assert.equal(signInRefusal('auth.rate_limited'), 'Too many attempts; wait a moment.');
  assert.equal(signInRefusal('auth.invalid_credentials'), 'Wrong email or password.');
  assert.equal(signInRefusal(undefined), 'Wrong email or password.');
});
