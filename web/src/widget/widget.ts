import { CHAT_ICON, CLIP_ICON, h, icon, newId, replaceChildren, replaceKeepingFocus } from '../shared/dom';
import { ReadReceipts } from '../shared/reads';
import { Attachments } from '../shared/attachments';
import { api } from '../shared/http';
import { MessageList } from '../shared/messages';
import type { Conversation, Detail, Envelope, HistoryPage, Message, Summary } from '../shared/protocol';
import { ParleyError } from '../shared/protocol';
import { ParleySocket, socketUrl } from '../shared/socket';
import { Timeline } from '../shared/timeline';
import { queueLine } from './queue';
import type { Identity, VisitorProfile, WidgetControl } from './api';
import type { HostPage } from './page';
import { StoredSession, WidgetSession } from './session';
import { accentColours } from './contrast';
import { STYLES } from './styles';

export interface WidgetConfig {
  base: string;
  inbox: string;
  /** `data-prechat`; null: as the inbox's settings say. */
  prechat: boolean | null;
  /** `data-title`; null: the inbox's title, else a default. */
  title: string | null;
  /** Hears the count on the launcher's badge whenever it changes (the host page's `onUnreadCount`). */
  onUnread?: (count: number) => void;
}

/** What the admin set for the inbox at /console/admin; each null for the widget's default. */
interface InboxLook {
  title: string | null;
  colour: string | null;
  greeting: string | null;
  preChatForm: boolean;
}

const DEFAULT_TITLE = 'Chat with us';
/** Where the open panel takes the whole screen: the media query of styles.ts. */
const PHONE = '(max-width: 480px)';
const TYPING_EVERY_MS = 2500;
const TYPING_IDLE_MS = 4000;
const TYPING_SHOWN_MS = 6000;

/** The launcher and chat panel a customer sees on the host page. */
export class Widget implements WidgetControl {
  private readonly sessions: WidgetSession;
  private session: StoredSession | null = null;
  private socket: ParleySocket | null = null;
  private conversation: Conversation | null = null;
  private timeline = new Timeline();
  private myReadSeq = 0;
  private sentReadSeq = 0;
  /** Receipts coalesced: a burst of messages read at once is one receipt, latest wins. */
  private readonly reads = new ReadReceipts((conversationId, lastDeliveredSeq, lastReadSeq) =>
    this.socket ? this.socket.request('read', { conversationId, lastDeliveredSeq, lastReadSeq }) : Promise.reject(new Error('no socket')));
  private opened = false;
  private loaded = false;
  /** What the host page said of the visitor before a session ran; sent with the session's start. */
  private profile: VisitorProfile = {};
  /** The session being started, so calls that arrive meanwhile wait for it rather than start another. */
  private starting: Promise<void> | null = null;
  private queueText = '';
  /** The host page last seen; sent to each session once it runs (a new visitor has none before the chat opens). */
  private page: HostPage | null = null;
  private typingSentAt = 0;
  private typingIdle: ReturnType<typeof setTimeout> | undefined;
  private typingShown: ReturnType<typeof setTimeout> | undefined;

  private readonly launcher: HTMLButtonElement;
  private readonly badge = h('span', { class: 'badge', hidden: true });
  private readonly panel: HTMLElement;
  private readonly status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly body = h('div', { class: 'body', style: 'display:flex;flex-direction:column;flex:1;min-height:0' });
  private readonly quick = h('div', { class: 'quick', role: 'group', 'aria-label': 'Suggested replies' });
  private readonly typing = h('div', { class: 'typing', 'aria-live': 'polite' });
  private readonly input = h('textarea', { rows: 1, 'aria-label': 'Type your message', placeholder: 'Type your message…', maxlength: 4000 });
  private readonly file = h('input', { type: 'file', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
  private readonly messages: MessageList;
  private readonly attachments: Attachments;
  private readonly root: HTMLElement;
  private readonly title = h('h2', {});
  /** What the admin set for the inbox, once read. */
  private settings: InboxLook = { title: null, colour: null, greeting: null, preChatForm: false };

  constructor(private readonly config: WidgetConfig, host: HTMLElement) {
    this.sessions = new WidgetSession(config.base, config.inbox);
    this.attachments = new Attachments(config.base, async () => this.session!.token);
    const shadow = host.attachShadow({ mode: 'open' });
    this.launcher = h('button', { class: 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false',
      'aria-controls': 'parley-panel', onclick: () => this.toggle() }, icon(CHAT_ICON), this.badge);
    this.title.textContent = config.title ?? DEFAULT_TITLE;
    this.panel = h('section', { id: 'parley-panel', class: 'panel', role: 'dialog', 'aria-label': this.title.textContent, hidden: true },
      h('header', { role: 'none' }, this.title,
        h('button', { class: 'close', type: 'button', 'aria-label': 'Minimize chat', onclick: () => this.toggle() }, '×')),
      this.status, this.body);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { this.toggle(); }
      if (e.key === 'Tab' && this.panel.getAttribute('aria-modal') === 'true') { this.keepFocusInside(e); }
    });
    this.messages = new MessageList({
      me: () => this.session?.customerId ?? '',
      author: (entry) => entry.senderKind === 'BOT' ? 'Assistant' : 'Agent',
      actions: {
        react: (messageId, emoji, add) => this.command(add ? 'reaction.add' : 'reaction.remove', { messageId, emoji }),
        edit: (messageId, body) => this.command('message.edit', { messageId, body }),
        remove: (messageId) => this.command('message.delete', { messageId }),
        loadEarlier: () => void this.loadEarlier(),
      },
      decorate: (entry) => this.attachments.render(entry.conversationId, entry.attachments),
    });
    this.root = h('div', { class: 'root' }, this.panel, this.launcher);
    shadow.append(h('style', {}, STYLES), this.root);
    document.addEventListener('visibilitychange', () => this.markRead());
  }

  /**
   * Connects a returning or signed-in visitor at once, so the badge counts what arrived while away.
   * A new anonymous visitor connects when they open the panel.
   */
  async boot(): Promise<void> {
    await this.loadSettings();
    if (!this.session && (this.sessions.stored() || this.sessions.identity)) {
      await this.connect({});
    }
  }

  /** The inbox's title, colour, greeting and pre-chat form; the script tag's attributes win. Without them, the defaults. */
  private async loadSettings(): Promise<void> {
    try {
      this.settings = await api<InboxLook>(this.config.base, 'GET', `/api/v1/widget/inboxes/${encodeURIComponent(this.config.inbox)}`);
    } catch {
      return;
    }
    if (this.config.title === null && this.settings.title) {
      this.title.textContent = this.settings.title;
      this.panel.setAttribute('aria-label', this.settings.title);
    }
    const colours = this.settings.colour ? accentColours(this.settings.colour) : null;
    if (colours) {
      this.root.style.setProperty('--accent', colours.accent);
      this.root.style.setProperty('--on-accent', colours.onAccent);
      this.root.style.setProperty('--accent-text', colours.accentText);
    }
    this.renderStatus();
  }

  /**
   * The host site's signed-in user. Before the session runs it is sent with its start; after, a
   * different user starts a new session (the host page signed someone in) and the widget
   * reconnects as them, with their conversations.
   */
  identify(identity: Identity): void {
    const before = this.sessions.identity;
    this.sessions.identity = identity;
    if (!this.session && !this.starting) {
      return;
    }
    if (before?.userId === identity.userId) {
      this.update(identity);
      return;
    }
    void (async () => {
      await this.starting;
      this.disconnect();
      await this.connect({});
    })();
  }

  /**
   * Forgets the visitor on this browser (a shared computer): the identified user, the stored
   * session and what the panel shows, and closes the socket, so the next visitor starts a new
   * anonymous conversation and cannot read this one. Storage is cleared at once, and again once a
   * session start on its way has ended, since that start would store its session.
   */
  logout(): void {
    this.sessions.forget();
    this.sessions.identity = null;
    this.profile = {};
    void (async () => {
      await this.starting;
      this.sessions.forget();
      this.disconnect();
      this.close();
      replaceChildren(this.body);
      this.render();
    })();
  }

  /** Leaves the running session: no socket, no conversation, nothing shown of it. */
  private disconnect(): void {
    this.socket?.stop();
    this.socket = null;
    this.session = null;
    this.conversation = null;
    this.timeline = new Timeline();
    this.myReadSeq = 0;
    this.sentReadSeq = 0;
    this.loaded = false;
    this.queueText = '';
    this.typing.textContent = '';
  }

  /** Name, email and attributes of the visitor: kept for the session's start, or sent to the running one. */
  update(profile: VisitorProfile): void {
    if (!this.session) {
      this.profile = { ...this.profile, ...profile, attributes: { ...this.profile.attributes, ...profile.attributes } };
      return;
    }
    const token = this.session.token;
    this.sessions.update(token, profile).catch((e: ParleyError) =>
      console.warn(`Parley: the visitor's profile was not saved (${e.code ?? 'network'}): ${e.message}`));
  }

  /** The host page the visitor is on (see PageWatcher): sent to the running session, else kept for its start. */
  reportPage(page: HostPage): void {
    this.page = page;
    if (!this.session) return;
    this.sessions.reportPage(this.session.token, page).catch((e: ParleyError) =>
      console.warn(`Parley: the current page was not reported (${e.code ?? 'network'}): ${e.message}`));
  }

  open(): void {
    if (!this.opened) this.toggle();
  }

  close(): void {
    if (this.opened) this.toggle();
  }

  toggle(): void {
    this.opened = !this.opened;
    this.panel.hidden = !this.opened;
    this.root.classList.toggle('open', this.opened);
    this.launcher.setAttribute('aria-expanded', String(this.opened));
    this.launcher.setAttribute('aria-label', this.opened ? 'Close chat' : 'Open chat');
    // On a phone the open panel covers the page (styles.ts): there it is modal, elsewhere the page stays usable beside it.
    this.panel.setAttribute('aria-modal', String(this.opened && window.matchMedia(PHONE).matches));
    if (!this.opened) {
      this.launcher.focus();
      this.renderBadge();
      return;
    }
    if (!this.session) {
      if ((this.config.prechat ?? this.settings.preChatForm) && !this.sessions.stored() && !this.sessions.identity && !this.profile.email) {
        this.showPrechat();
      } else {
        void this.connect({});
      }
    } else {
      this.showChat();
    }
    this.renderBadge();
    this.markRead();
  }

  /** Tab and Shift+Tab go round the modal panel's controls instead of on to the page hidden under it. */
  private keepFocusInside(e: KeyboardEvent): void {
    const stops = [...this.panel.querySelectorAll<HTMLElement>('button, textarea, input, select, a[href], [tabindex="0"]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    if (stops.length === 0) return;
    const active = (this.panel.getRootNode() as ShadowRoot).activeElement;
    const [first, last] = [stops[0], stops[stops.length - 1]];
    if (e.shiftKey ? active === first : active === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  }

  /**
   * The question comes first and takes the focus, so nobody types it into the email field; name and
   * email follow, marked optional, in a group of their own.
   */
  private showPrechat(): void {
    const question = h('textarea', { name: 'question', id: 'parley-question', rows: 3, required: true, maxlength: 4000,
      placeholder: 'Type your question here…' });
    const name = h('input', { type: 'text', name: 'name', id: 'parley-name', autocomplete: 'name', maxlength: 200,
      placeholder: 'Your name' });
    const email = h('input', { type: 'email', name: 'email', id: 'parley-email', autocomplete: 'email', maxlength: 320,
      placeholder: 'you@example.com', 'aria-describedby': 'parley-email-why' });
    name.value = this.profile.name ?? '';
    const form = h('form', { class: 'prechat', 'aria-label': 'Start a chat' },
      h('label', { for: 'parley-question' }, 'How can we help?'), question,
      h('fieldset', {}, h('legend', {}, 'About you (optional)'),
        h('label', { for: 'parley-name' }, 'Name'), name,
        h('label', { for: 'parley-email' }, 'Email'), email,
        h('p', { id: 'parley-email-why', class: 'hint' }, 'So the team knows who they are talking to.')),
      h('button', { class: 'send', type: 'submit' }, 'Start chat'));
    question.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const first = question.value.trim();
      if (!first) {
        question.focus();
        return;
      }
      void this.connect({ name: name.value.trim(), email: email.value.trim() }).then(() => {
        if (this.socket) void this.sendText(first);
      });
    });
    replaceChildren(this.body, form);
    question.focus();
  }

  private connect(profile: VisitorProfile): Promise<void> {
    this.starting ??= this.startSession(profile).finally(() => { this.starting = null; });
    return this.starting;
  }

  private async startSession(given: VisitorProfile): Promise<void> {
    const pending = this.profile;
    const profile = { ...pending, ...given, attributes: { ...pending.attributes, ...given.attributes } };
    try {
      this.session = await this.sessions.start(profile);
      // What the page said while the start was on its way goes to the session now.
      const later = this.profile;
      this.profile = {};
      if (later !== pending) this.update(later);
      if (this.page) this.reportPage(this.page);
    } catch (e) {
      this.setStatus(`Chat is unavailable right now (${(e as ParleyError).code ?? 'network'}).`, true);
      return;
    }
    this.socket = new ParleySocket({
      url: socketUrl(this.config.base),
      token: async () => {
        this.session = this.session ?? await this.sessions.start();
        return this.session.token;
      },
      onUnauthorized: () => { this.session = null; },
      renewToken: async () => {
        this.session = await this.sessions.start();
        return this.session.token;
      },
      onWelcome: () => void this.welcome(),
      onEvent: (event) => this.event(event),
      onTyping: (conversationId, _user, typing) => this.showTyping(conversationId, typing),
      onState: (state) => this.renderStatus(state),
    });
    this.socket.start();
    if (this.opened) {
      this.showChat();
    }
  }

  private showChat(): void {
    if (this.body.querySelector('.composer')) {
      return;
    }
    const form = h('form', { class: 'composer' },
      h('button', { class: 'attach', type: 'button', 'aria-label': 'Attach a file', onclick: () => this.file.click() }, icon(CLIP_ICON)),
      this.file, this.input, h('button', { class: 'send', type: 'submit' }, 'Send'));
    this.file.addEventListener('change', () => void this.attach());
    form.addEventListener('submit', (e) => { e.preventDefault(); void this.send(); });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void this.send(); }
    });
    this.input.addEventListener('input', () => this.typed());
    replaceChildren(this.body, this.messages.element, this.quick, this.typing, form);
    this.render();
    this.input.focus();
  }

  /** After every (re)connect: the first time, find the visitor's conversation; later the socket resumes it. */
  private async welcome(): Promise<void> {
    if (this.loaded) {
      this.markRead();
      return;
    }
    this.loaded = true;
    try {
      const list = await this.socket!.request<{ conversations: Summary[] }>('conversation.list', { view: 'mine', limit: 10 });
      const current = list.conversations.find((c) => c.status !== 'CLOSED') ?? list.conversations[0];
      if (current) {
        await this.openConversation(current.id);
      }
    } catch {
      this.loaded = false; // the next welcome tries again
    }
    this.render();
  }

  private async openConversation(id: string): Promise<void> {
    const socket = this.socket!;
    // The detail is read before the history (commands run in order), so the history covers its lastSeq.
    await socket.load(id, async () => {
      const [detail, page] = await Promise.all([
        socket.request<Detail>('conversation.open', { conversationId: id }),
        socket.request<HistoryPage>('history', { conversationId: id, limit: 50 }),
      ]);
      return { state: { detail, page }, throughSeq: detail.conversation.lastSeq };
    }, ({ detail, page }) => {
      this.conversation = detail.conversation;
      this.timeline = new Timeline();
      this.timeline.status = detail.conversation.status;
      this.timeline.ownerId = detail.conversation.ownerId;
      this.timeline.load(page);
      this.timeline.more = page.more;
      for (const p of detail.participants) {
        this.timeline.reads.set(p.userId, { lastDeliveredSeq: p.lastDeliveredSeq, lastReadSeq: p.lastReadSeq });
      }
      this.myReadSeq = this.sentReadSeq = this.timeline.reads.get(this.session!.customerId)?.lastReadSeq ?? 0;
    });
    await this.refreshQueuePosition();
    this.render();
    this.markRead();
  }

  private async loadEarlier(): Promise<void> {
    const first = this.timeline.firstSeq();
    if (!this.conversation || first === undefined) return;
    const page = await this.socket!.request<HistoryPage>('history', { conversationId: this.conversation.id, before: first, limit: 50 });
    this.timeline.load(page);
    this.timeline.more = page.more;
    this.render();
  }

  private event(event: Envelope): void {
    if (!this.conversation || event.conversationId !== this.conversation.id) {
      return;
    }
    if (event.type === 'conversation.queue_position') {
      this.queueText = queueLine(event.data.position, event.data.estimatedWaitSeconds);
      this.renderStatus();
      return;
    }
    if (event.type === 'message.created' && event.data.senderId !== this.session?.customerId) {
      this.showTyping(event.conversationId!, false);
    }
    this.timeline.apply(event);
    if (event.type === 'conversation.status_changed') {
      this.conversation.status = event.data.to;
      if (event.data.to === 'QUEUED') {
        void this.refreshQueuePosition();
      } else {
        this.queueText = '';
      }
    }
    this.render();
    this.markRead();
  }

  private async send(): Promise<void> {
    const body = this.input.value.trim();
    if (!body || !this.socket) return;
    this.input.value = '';
    this.stopTyping();
    await this.sendText(body);
  }

  private async attach(): Promise<void> {
    const file = this.file.files?.[0];
    this.file.value = '';
    if (!file || !this.socket) return;
    try {
      const conversationId = await this.ensureConversation();
      this.setStatus(`Uploading ${file.name}…`, false);
      const uploaded = await this.attachments.upload(conversationId, file);
      const body = this.input.value.trim();
      this.input.value = '';
      await this.sendText(body, [uploaded.id]);
    } catch (e) {
      this.setStatus(`Not uploaded: ${(e as Error).message}`, true);
    }
  }

  /** The visitor's open conversation; a first message (or one after it closed) starts a new one. */
  private async ensureConversation(): Promise<string> {
    if (!this.conversation || this.conversation.status === 'CLOSED') {
      const started = await this.socket!.request<Conversation>('conversation.start');
      this.conversation = started;
      this.timeline = new Timeline();
      this.timeline.status = started.status;
      this.socket!.seqs.advance(started.id, 0);
    }
    return this.conversation.id;
  }

  private async sendText(body: string, attachmentIds?: string[]): Promise<void> {
    const socket = this.socket!;
    try {
      await this.ensureConversation();
      const clientMsgId = newId();
      const conversationId = this.conversation!.id;
      this.timeline.addPending({ id: `pending:${clientMsgId}`, conversationId, seq: 0, senderId: this.session!.customerId,
        senderKind: 'CUSTOMER', kind: 'TEXT', body, clientMsgId, createdAt: new Date().toISOString() });
      this.render();
      const sent = await socket.request<Message>('message.send', { conversationId, clientMsgId, body, kind: 'TEXT', attachmentIds });
      this.timeline.confirm(sent);
      this.render();
      this.markRead();
    } catch (e) {
      this.setStatus(`Not sent: ${(e as Error).message}`, true);
    }
  }

  private async talkToAgent(): Promise<void> {
    if (!this.conversation) return;
    await this.command('conversation.talk_to_agent', {});
  }

  private async command(type: string, fields: Record<string, unknown>): Promise<void> {
    if (!this.conversation || !this.socket) return;
    try {
      await this.socket.request(type, { conversationId: this.conversation.id, ...fields });
    } catch (e) {
      this.setStatus(`That didn't work: ${(e as Error).message}`, true);
    }
  }

  private async refreshQueuePosition(): Promise<void> {
    if (!this.conversation || this.conversation.status !== 'QUEUED' || !this.session) {
      this.queueText = '';
      return;
    }
    try {
      const position = await api<{ position: number; estimatedWaitSeconds: number | null }>(this.config.base, 'GET',
        `/api/v1/conversations/${this.conversation.id}/queue-position`, this.session.token);
      this.queueText = queueLine(position.position, position.estimatedWaitSeconds);
    } catch {
      this.queueText = 'Waiting for an agent…';
    }
    this.renderStatus();
  }

  private typed(): void {
    if (!this.conversation || !this.socket) return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_EVERY_MS) {
      this.typingSentAt = now;
      this.socket.notify('typing', { conversationId: this.conversation.id, typing: true });
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdle);
    if (this.typingSentAt && this.conversation) {
      this.socket?.notify('typing', { conversationId: this.conversation.id, typing: false });
    }
    this.typingSentAt = 0;
  }

  private showTyping(conversationId: string, typing: boolean): void {
    if (conversationId !== this.conversation?.id) return;
    this.typing.textContent = typing ? 'Agent is typing…' : '';
    clearTimeout(this.typingShown);
    if (typing) {
      this.typingShown = setTimeout(() => { this.typing.textContent = ''; }, TYPING_SHOWN_MS);
    }
  }

  /** Tells the others what the visitor has seen: read while the panel is open and the page visible. */
  private markRead(): void {
    if (!this.conversation || !this.socket || this.socket.connection !== 'open') return;
    const last = this.timeline.lastSeq();
    const reading = this.opened && document.visibilityState === 'visible';
    const readSeq = reading ? last : this.myReadSeq;
    if (last <= this.sentReadSeq && readSeq <= this.myReadSeq) return;
    this.sentReadSeq = last;
    this.myReadSeq = Math.max(this.myReadSeq, readSeq);
    this.renderBadge();
    this.reads.report(this.conversation.id, last, this.myReadSeq);
  }

  private render(): void {
    this.messages.render(this.timeline);
    this.renderQuickReplies();
    this.renderStatus();
    this.renderBadge();
  }

  private renderQuickReplies(): void {
    const entries = this.timeline.ordered().filter((e) => !e.pending);
    const last = entries[entries.length - 1];
    const offers = last && last.senderKind === 'BOT' && this.timeline.status === 'BOT' ? last.quickReplies ?? [] : [];
    const active = (this.quick.getRootNode() as ShadowRoot).activeElement ?? null;
    const wasFocused = active !== null && this.quick.contains(active);
    replaceKeepingFocus(this.quick, 'data-offer', ...offers.map((text, i) => h('button', { type: 'button', 'data-offer': text,
      onclick: () => void (i === offers.length - 1 ? this.talkToAgent() : this.sendText(text)) }, text)));
    // The offer a keyboard user took is gone: they carry on in the message box, not at the page's start.
    if (wasFocused && !this.quick.contains((this.quick.getRootNode() as ShadowRoot).activeElement)) this.input.focus();
  }

  private renderBadge(): void {
    const me = this.session?.customerId;
    const unread = this.opened ? 0 : this.timeline.ordered()
      .filter((e) => !e.pending && e.senderId !== me && e.kind !== 'SYSTEM' && e.seq > this.myReadSeq).length;
    this.badge.hidden = unread === 0;
    this.badge.textContent = String(unread);
    this.badge.setAttribute('aria-label', `${unread} unread`);
    this.config.onUnread?.(unread);
    this.launcher.setAttribute('aria-label', `${this.opened ? 'Close chat' : 'Open chat'}${unread ? `, ${unread} unread` : ''}`);
  }

  private renderStatus(state = this.socket?.connection): void {
    if (state && state !== 'open') {
      this.setStatus(state === 'connecting' ? 'Connecting…' : 'Offline — reconnecting…', true);
      return;
    }
    const status = this.timeline.status || this.conversation?.status;
    const line = status === 'QUEUED' ? this.queueText || 'Waiting for an agent…'
      : status === 'ACTIVE' || status === 'WAITING_ON_CUSTOMER' ? 'You are chatting with an agent.'
        : status === 'RESOLVED' ? 'Resolved — write again if you need anything.'
          : status === 'CLOSED' ? 'This conversation is closed; a new message starts a new one.'
            : this.settings.greeting ?? 'Ask us anything.';
    this.setStatus(line, false);
  }

  private setStatus(text: string, warning: boolean): void {
    this.status.textContent = text;
    this.status.classList.toggle('offline', warning);
  }
}

