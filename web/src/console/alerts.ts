/**
 * Tells the agent what needs them while they look elsewhere: a new assignment always (a tone, and
 * a desktop notification when the tab is in the background), a new message in one of their
 * conversations only while the tab is in the background. The tab title says it too until the tab
 * has focus again. What to do is decided by {@link Alerts} against a small {@link AlertSurface},
 * so it is tested without a browser; {@link browserSurface} is the real one.
 */

/** What the browser offers; every call is best effort. */
export interface AlertSurface {
  /** The tab is not what the agent looks at (hidden, or the window lost focus). */
  inBackground(): boolean;
  /** A desktop notification, when permitted; `tag` replaces an earlier one of the same conversation. */
  notify(title: string, body: string, tag: string): void;
  tone(): void;
  title(text: string | null): void;
}

export interface NewMessage {
  conversationId: string;
  senderId: string;
  kind: string;
  body: string;
}

const CONSOLE_TITLE = 'Parley console';

export class Alerts {
  constructor(private readonly surface: AlertSurface, private readonly me: () => string) {
  }

  assigned(conversationId: string, customer: string): void {
    const text = `New conversation assigned: ${customer}`;
    this.surface.tone();
    if (this.surface.inBackground()) {
      this.surface.notify('Parley', text, conversationId);
      this.surface.title(`● ${text}`);
    }
  }

  /** `mine`: the agent takes part in the conversation (it is on their Mine list). */
  message(message: NewMessage, customer: string, mine: boolean): void {
    if (!mine || message.senderId === this.me() || message.kind === 'SYSTEM' || !this.surface.inBackground()) {
      return;
    }
    const preview = message.kind === 'NOTE' ? 'a private note' : message.body.slice(0, 120) || 'a file';
    this.surface.tone();
    this.surface.notify(`${customer}`, preview, message.conversationId);
    this.surface.title(`● New message: ${customer}`);
  }

  /** The agent is back: the title stops calling. */
  seen(): void {
    this.surface.title(null);
  }
}

export function askForNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}

export function browserSurface(): AlertSurface {
  let audio: AudioContext | null = null;
  return {
    inBackground: () => document.visibilityState === 'hidden' || !document.hasFocus(),
    notify: (title, body, tag) => {
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const shown = new Notification(title, { body, tag });
        shown.onclick = () => { window.focus(); shown.close(); };
      }
    },
    tone: () => {
      try {
        audio ??= new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.4);
      } catch {
        // No audio (a headless browser, a blocked autoplay): the notification and title still say it.
      }
    },
    title: (text) => { document.title = text ?? CONSOLE_TITLE; },
  };
}
