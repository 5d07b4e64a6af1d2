import { fromDataset, install, ParleyApi, ParleyGlobal } from './api';
import { PageWatcher } from './page';
import { Widget } from './widget';

/**
 * Entry point of `<script src=".../widget.js" data-inbox="KEY" async></script>`. The API and the
 * WebSocket are on the origin the script came from, so any page can embed it. The script tag's
 * `data-` attributes are applied first, then the `Parley(…)` calls the page queued before load.
 */
const script = document.currentScript as HTMLScriptElement | null;
const inbox = script?.dataset.inbox;
if (!script || !inbox) {
  console.warn('Parley: the widget script needs a data-inbox attribute.');
} else if (!document.getElementById('parley-widget')) {
  const host = document.createElement('div');
  host.id = 'parley-widget';
  document.body.appendChild(host);
  let api: ParleyApi | null = null;
  const widget = new Widget({
    base: script.dataset.api ?? new URL(script.src, location.href).origin,
    inbox,
    prechat: script.dataset.prechat === undefined ? null : script.dataset.prechat === 'true',
    title: script.dataset.title ?? null,
    onUnread: (count) => api?.unreadCount(count),
  }, host);
  api = new ParleyApi(widget);
  const { identity, profile } = fromDataset(script.dataset);
  if (identity) widget.identify(identity);
  widget.update(profile);
  install(window as unknown as { Parley?: ParleyGlobal }, api);
  new PageWatcher(window, (page) => widget.reportPage(page)).start();
  void widget.boot();
}
