import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendPage, badge, firstTab, tabName } from '../src/console/lists';

const c = (id: string, unread = 0) => ({ id, unread });

test('a badge counts conversations, not unread messages, with a dot when any is unread', () => {
  // issue 16: "All open (3045)" with 25 open
  const open = { items: [c('a', 3000), c('b', 45), ...Array.from({ length: 23 }, (_, i) => c(`x${i}`))], next: null };
  assert.deepEqual(badge(open), { count: '25', unreadDot: true });
  assert.deepEqual(badge({ items: [c('a'), c('b')], next: null }), { count: '2', unreadDot: false });
});

test('a badge says there are more when the list has a next page', () => {
  assert.equal(badge({ items: [c('a')], next: 'cursor' }).count, '1+');
  assert.equal(tabName('All open', { items: [c('a')], next: 'cursor' }), 'All open, 1 or more conversations');
  assert.equal(tabName('Mine', { items: [c('a', 2)], next: null }), 'Mine, 1 conversation, some unread');
});

test('the console opens on Mine when the agent has any conversation, else on the queue', () => {
  assert.equal(firstTab({ items: [c('a')], next: null }), 'mine');
  assert.equal(firstTab({ items: [], next: null }), 'queue');
});

test('a following page is appended without listing a conversation twice', () => {
  const first = { items: [c('a'), c('b')], next: 'p2' };
  const merged = appendPage(first, { conversations: [c('b', 1), c('c')], next: null });
  assert.deepEqual(merged.items.map((x) => x.id), ['a', 'b', 'c']);
  assert.equal(merged.next, null);
  assert.equal(appendPage(merged, { conversations: [], next: 'p3' }).next, 'p3');
});
