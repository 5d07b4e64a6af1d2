import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostPage, HostPage, MAX_TITLE, PageWatcher, PageWindow } from '../src/widget/page';

/** A host page whose clock and timers the test moves by hand. */
function fakePage(href: string, title: string) {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const pushed: unknown[][] = [];
  const win: PageWindow = {
    location: { href },
    document: { title },
    history: {
      pushState: (...args: unknown[]) => { pushed.push(args); },
      replaceState: (...args: unknown[]) => { pushed.push(args); },
    },
    addEventListener: (type, listener) => { (listeners[type] ??= []).push(listener); },
    setTimeout: (run, ms) => timers.push({ at: now + ms, run }),
  };
  const reports: HostPage[] = [];
  const watcher = new PageWatcher(win, (page) => reports.push(page), () => now, 1000);
  return {
    win, reports, watcher, pushed,
    fire: (type: string) => (listeners[type] ?? []).forEach((l) => l()),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0).filter((t) => t.at <= now)) timer.run();
    },
    go(url: string, newTitle: string) { win.location.href = url; win.document.title = newTitle; },
  };
}

test('the page is reported at start', () => {
  const page = fakePage('https://shop.example/', 'Shop');
  page.watcher.start();
  assert.deepEqual(page.reports, [{ url: 'https://shop.example/', title: 'Shop' }]);
});

test('pushState, replaceState, popstate and hashchange each report the new page, and history still works', () => {
  const page = fakePage('https://shop.example/', 'Shop');
  page.watcher.start();

  page.go('https://shop.example/cart', 'Cart');
  page.win.history.pushState({}, '', '/cart');
  page.advance(1000);
  page.go('https://shop.example/cart?step=2', 'Checkout');
  page.win.history.replaceState({}, '', '/cart?step=2');
  page.advance(1000);
  page.go('https://shop.example/', 'Shop');
  page.fire('popstate');
  page.advance(1000);
  page.go('https://shop.example/#faq', 'Shop FAQ');
  page.fire('hashchange');
  page.advance(1000);

  assert.deepEqual(page.reports.map((r) => r.title), ['Shop', 'Cart', 'Checkout', 'Shop', 'Shop FAQ']);
  assert.deepEqual(page.pushed, [[{}, '', '/cart'], [{}, '', '/cart?step=2']]);
});

test('a burst of navigations is one report of the latest page once the throttle has passed', () => {
  const page = fakePage('https://shop.example/', 'Shop');
  page.watcher.start();

  for (let i = 1; i <= 20; i++) {
    page.go(`https://shop.example/search?q=${'a'.repeat(i)}`, `Search ${i}`);
    page.win.history.replaceState({}, '');
  }
  assert.equal(page.reports.length, 1, 'nothing more within the throttle');
  page.advance(1000);

  assert.deepEqual(page.reports[1], { url: `https://shop.example/search?q=${'a'.repeat(20)}`, title: 'Search 20' });
  assert.equal(page.reports.length, 2);
});

test('a title set just after pushState is the one reported', () => {
  const page = fakePage('https://shop.example/', 'Shop');
  page.watcher.start();
  page.advance(5000);

  page.win.location.href = 'https://shop.example/orders';
  page.win.history.pushState({}, '', '/orders');
  page.win.document.title = 'Your orders';
  page.advance(100);

  assert.deepEqual(page.reports[1], { url: 'https://shop.example/orders', title: 'Your orders' });
});

test('a navigation that changes nothing is not reported again', () => {
  const page = fakePage('https://shop.example/', 'Shop');
  page.watcher.start();
  page.advance(5000);

  page.win.history.replaceState({ scroll: 300 }, '');
  page.advance(1000);

  assert.equal(page.reports.length, 1);
});

test('pages the server would refuse are not sent, and titles are made what it takes', () => {
  assert.equal(hostPage('file:///home/me/shop.html', 'Shop'), null);
  assert.equal(hostPage('about:blank', ''), null);
  assert.equal(hostPage(`https://shop.example/${'x'.repeat(2048)}`, 'Long'), null);
  assert.deepEqual(hostPage('https://shop.example/', '  '), { url: 'https://shop.example/', title: null });
  assert.deepEqual(hostPage('https://shop.example/', 'Shop\n\tHome'), { url: 'https://shop.example/', title: 'Shop Home' });
  assert.equal(hostPage('https://shop.example/', 't'.repeat(400))!.title!.length, MAX_TITLE);
  const emoji = hostPage('https://shop.example/', 'a' + '😀'.repeat(200))!.title!;
  assert.ok(emoji.length <= MAX_TITLE && !/[\ud800-\udbff]$/.test(emoji), 'never half a character');
});
