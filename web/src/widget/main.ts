import { Widget } from './widget';

/**
 * Entry point of `<script src=".../widget.js" data-inbox="KEY" async></script>`. The API and the
 * WebSocket are on the origin the script came from, so any page can embed it.
 */
const script = document.currentScript as HTMLScriptElement | null;
const inbox = script?.dataset.inbox;
if (!script || !inbox) {
  console.warn('Parley: the widget script needs a data-inbox attribute.');
} else if (!document.getElementById('parley-widget')) {
  const host = document.createElement('div');
  host.id = 'parley-widget';
  document.body.appendChild(host);
  const widget = new Widget({
    base: script.dataset.api ?? new URL(script.src, location.href).origin,
    inbox,
    prechat: script.dataset.prechat === 'true',
    title: script.dataset.title ?? 'Chat with us',
  }, host);
  void widget.boot();
}
