import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromDataset, install, Identity, ParleyApi, ParleyGlobal, VisitorProfile, WidgetControl } from '../src/widget/api';

/** A widget that records what the API asked of it. */
function recorder(): { widget: WidgetControl; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const widget: WidgetControl = {
    identify: (identity: Identity) => calls.push(['identify', identity]),
    update: (profile: VisitorProfile) => calls.push(['update', profile]),
    open: () => calls.push(['open']),
    close: () => calls.push(['close']),
    toggle: () => calls.push(['toggle']),
    logout: () => calls.push(['logout']),
  };
  return { widget, calls };
}

test('calls the page queued before the script loaded run in order, and later calls run at once', () => {
  const { widget, calls } = recorder();
  const page: { Parley?: ParleyGlobal } = {};
  // The stub README gives: it only queues its arguments.
  const stub = function (...args: unknown[]) { (stub.q = stub.q || []).push(args); } as ParleyGlobal;
  page.Parley = stub;
  page.Parley('identify', { userId: 'u-1', userHash: 'ab12' });
  page.Parley('open');

  install(page, new ParleyApi(widget, () => assert.fail('no warning expected')));
  page.Parley!('close');

  assert.deepEqual(calls, [['identify', { userId: 'u-1', userHash: 'ab12' }], ['open'], ['close']]);
});

test('without a stub the API is installed all the same', () => {
  const { widget, calls } = recorder();
  const page: { Parley?: ParleyGlobal } = {};
  install(page, new ParleyApi(widget));
  page.Parley!('toggle');
  assert.deepEqual(calls, [['toggle']]);
});

const badCalls: [string, unknown[], RegExp][] = [
  ['identify without a hash', ['identify', { userId: 'u-1' }], /needs userId and userHash/],
  ['identify with a numeric id', ['identify', { userId: 42, userHash: 'ab' }], /needs userId and userHash/],
  ['update with a non-string email', ['update', { email: 7 }], /email must be a string/],
  ['update with a nested attribute', ['update', { attributes: { address: { city: 'Utrecht' } } }], /attribute address must be text/],
  ['update with attributes as a list', ['update', { attributes: ['pro'] }], /attributes must be an object/],
  ['update with no object', ['update', 'Grace'], /takes an object/],
  ['an unread listener that is no function', ['onUnreadCount', 3], /takes a function/],
  ['an unknown command', ['boot', {}], /unknown command "boot"/],
];

for (const [name, [command, ...args], warning] of badCalls) {
  test(`a bad call warns and reaches nothing: ${name}`, () => {
    const { widget, calls } = recorder();
    const warnings: string[] = [];
    new ParleyApi(widget, (m) => warnings.push(m)).call(command, ...args);
    assert.deepEqual(calls, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], warning);
  });
}

test('an unread listener hears the current count at once and each change once', () => {
  const api = new ParleyApi(recorder().widget);
  api.unreadCount(2);
  const heard: number[] = [];
  api.call('onUnreadCount', (n: number) => heard.push(n));
  api.unreadCount(2);
  api.unreadCount(3);
  api.unreadCount(0);
  assert.deepEqual(heard, [2, 3, 0]);
});

test('a listener that throws keeps the others hearing', () => {
  const warnings: string[] = [];
  const api = new ParleyApi(recorder().widget, (m) => warnings.push(m));
  const heard: number[] = [];
  api.call('onUnreadCount', () => { throw new Error('page bug'); });
  api.call('onUnreadCount', (n: number) => heard.push(n));
  api.unreadCount(1);
  assert.deepEqual(heard, [0, 1]);
  assert.match(warnings[0], /page bug/);
});

test('data attributes give an identity with its profile when both id and hash are there', () => {
  const { identity, profile } = fromDataset({ userId: 'u-7', userHash: 'ff00', name: 'Grace', email: 'grace@example.com',
    attributes: '{"plan":"pro","seats":3}' });
  assert.deepEqual(identity, { userId: 'u-7', userHash: 'ff00', name: 'Grace', email: 'grace@example.com',
    attributes: { plan: 'pro', seats: 3 } });
  assert.deepEqual(profile, {});
});

test('data attributes without a hash leave the visitor anonymous, with a warning, and keep the profile', () => {
  const warnings: string[] = [];
  const { identity, profile } = fromDataset({ userId: 'u-7', name: 'Grace' }, (m) => warnings.push(m));
  assert.equal(identity, null);
  assert.deepEqual(profile, { name: 'Grace' });
  assert.match(warnings[0], /go together/);
});

test('data-attributes that are not a JSON object are ignored with a warning', () => {
  for (const attributes of ['{plan: pro}', '["pro"]']) {
    const warnings: string[] = [];
    const { profile } = fromDataset({ attributes }, (m) => warnings.push(m));
    assert.deepEqual(profile, {});
    assert.equal(warnings.length, 1, attributes);
  }
});

test("logout forgets the visitor and tells onUnreadCount listeners the badge is empty", () => {
  const { widget, calls } = recorder();
  const api = new ParleyApi(widget, () => assert.fail('no warning expected'));
  const heard: number[] = [];
  api.call('onUnreadCount', (count: number) => heard.push(count));
  api.unreadCount(3);

  api.call('logout');

  assert.deepEqual(calls, [['logout']]);
  assert.deepEqual(heard, [0, 3, 0]);
});
