/** The widget's whole stylesheet, inside its shadow root: the host page's CSS can't reach it. */
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; letter-spacing: normal; }
button, input, textarea { color: inherit; }
button { cursor: pointer; border: 0; background: none; padding: 0; font-size: 14px; }
/* A white ring inside the blue one, so the focus shows on the accent and on white alike. */
:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
/* --on-accent and --accent-text follow an inbox's own accent (contrast.ts). */
.root { --accent: #2b4c3f; --on-accent: #fff; --accent-text: #2b4c3f; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; color: #1f2933; }
.launcher { width: 56px; height: 56px; border-radius: 50%; background: var(--accent); color: var(--on-accent); font-size: 26px;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); position: relative; display: grid; place-items: center; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; border-radius: 11px; padding: 0 6px;
  background: #d92d20; color: #fff; font-size: 12px; font-weight: 700; display: grid; place-items: center; }
.badge[hidden] { display: none; }
.launcher svg, .attach svg { width: 26px; height: 26px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.attach svg { width: 20px; height: 20px; }
.panel { position: absolute; right: 0; bottom: 68px; width: min(380px, calc(100vw - 16px)); height: min(600px, calc(100vh - 96px));
  background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); display: flex; flex-direction: column; overflow: hidden; }
.panel[hidden] { display: none; }
/* Phones: a smaller launcher tucked into the corner, and the open panel takes the whole screen
   (the launcher hides behind it; the header's button and Escape close it). */
@media (max-width: 480px) {
  .root { right: 8px; bottom: 8px; }
  .launcher { width: 44px; height: 44px; font-size: 20px; }
  .launcher svg { width: 22px; height: 22px; }
  .panel { position: fixed; inset: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
  .root.open .launcher { display: none; }
}
header { background: var(--accent); color: var(--on-accent); padding: 10px 12px; display: flex; align-items: center; gap: 8px; }
header h2 { margin: 0; font-size: 16px; font-weight: 700; flex: 1; }
header .close { color: var(--on-accent); font-size: 22px; width: 32px; height: 32px; border-radius: 6px; }
.status { font-size: 13px; padding: 6px 12px; background: #eef4f1; color: #1f2933; min-height: 1.4em; }
.status.offline { background: #fff4e5; color: #8a4b00; }
.log { margin: 0; padding: 12px; flex: 1; overflow-y: auto; }
.log-items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; display: flex; flex-direction: column; align-items: flex-start; }
.msg.mine { align-self: flex-end; align-items: flex-end; }
.msg.system { align-self: center; max-width: 100%; }
.msg.system .bubble { background: none; color: #52606d; font-size: 13px; font-style: italic; padding: 2px; }
.bubble { background: #f0f2f5; border-radius: 12px; padding: 8px 11px; white-space: pre-wrap; overflow-wrap: anywhere; }
.mine .bubble { background: var(--accent); color: var(--on-accent); }
.bot .bubble { background: #e8f0fe; }
/* Deleted and sending show by their outline and the meta line, not by fading (faded text falls below 4.5:1). */
.deleted .bubble, .mine.deleted .bubble { font-style: italic; background: #fff; color: #52606d; border: 1px dashed #9aa5b1; }
.pending .bubble { outline: 2px dashed #9aa5b1; outline-offset: -2px; }
.meta { font-size: 11px; color: #616e7c; margin-top: 2px; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.meta button { font-size: 11px; color: var(--accent-text); text-decoration: underline; padding: 2px; }
.reactions { display: flex; gap: 4px; flex-wrap: wrap; margin-top: 2px; }
.chip { border: 1px solid #cbd2d9; border-radius: 12px; padding: 1px 7px; font-size: 13px; background: #fff; }
.chip[aria-pressed="true"] { border-color: var(--accent); background: #e3efe9; }
.picker { display: flex; gap: 2px; background: #fff; border: 1px solid #cbd2d9; border-radius: 16px; padding: 2px 4px; }
.picker button { font-size: 18px; padding: 2px 4px; border-radius: 6px; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; }
.quick button { border: 1px solid var(--accent-text); color: var(--accent-text); border-radius: 16px; padding: 5px 11px; background: #fff; }
.typing { font-size: 12px; color: #616e7c; padding: 0 12px 4px; min-height: 1.2em; }
form.composer { display: flex; gap: 8px; padding: 8px; border-top: 1px solid #e4e7eb; align-items: flex-end; }
textarea, input { flex: 1; resize: none; border: 1px solid #cbd2d9; border-radius: 8px; padding: 8px; max-height: 120px; background: #fff; }
.send { background: var(--accent); color: var(--on-accent); border-radius: 8px; padding: 9px 14px; font-weight: 600; }
.attach { font-size: 20px; padding: 6px; border-radius: 8px; }
.prechat { padding: 16px; display: flex; flex-direction: column; gap: 10px; overflow-y: auto; }
.prechat > label { font-weight: 600; color: #1f2933; }
.prechat textarea { flex: none; max-height: none; }
.prechat fieldset { border: 1px solid #e4e7eb; border-radius: 8px; padding: 8px 10px 10px; margin: 0; display: flex; flex-direction: column; gap: 4px; }
.prechat legend { font-size: 13px; color: #3e4c59; padding: 0 4px; }
.prechat fieldset label { font-size: 13px; color: #3e4c59; margin-top: 4px; }
.prechat .hint { margin: 2px 0 0; font-size: 12px; color: #616e7c; }
.more { align-self: center; font-size: 13px; color: var(--accent-text); text-decoration: underline; padding: 4px; }
.edit { display: flex; gap: 4px; width: 100%; }
.attachments { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; }
.file { color: inherit; font-size: 13px; }
.preview { max-width: 220px; max-height: 180px; border-radius: 8px; display: block; margin-top: 4px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
