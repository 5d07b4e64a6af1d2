import { duration, h, newId, replaceChildren, replaceKeepingFocus, time } from '../shared/dom';
import { ReadReceipts } from '../shared/reads';
import { Attachments } from '../shared/attachments';
import { api } from '../shared/http';
import { MessageList } from '../shared/messages';
import type { Detail, Envelope, HistoryPage, Message, Summary } from '../shared/protocol';
import { ParleySocket, socketUrl } from '../shared/socket';
import { Timeline } from '../shared/timeline';
import { TypingSignal } from '../shared/typing';
import { Alerts, askForNotifications, browserSurface } from './alerts';
import { ConsoleAuth } from './auth';
import { showSignIn } from './signin';
import { completeSso } from './sso';
import { Directory } from './directory';
import { snippetNode } from './highlight';
import { reactorNames, receipt } from './receipts';
import { appendPage, badge, firstTab, type ListView, type Paged, tabName } from './lists';

type Tab = ListView | 'search';
/** The lists read on every reload; Closed only while it is shown (it only grows, and nobody waits on it). */
const LIVE_VIEWS = ['queue', 'mine', 'open'] as const;
/** A page of a list: the most an agent scans at once; more come with "Show more". */
const PAGE = 100;
/** How often the lists are read again in full; events keep them current in between. */
const LISTS_RECONCILE_MS = 30000;
const STATUSES = ['ONLINE', 'AWAY', 'BUSY', 'OFFLINE'];
/** How often an open conversation's sidebar is read again, for the customer's current page. */
const SIDEBAR_REFRESH_MS = 15000;
const TYPING_EVERY_MS = 2500;
const TYPING_IDLE_MS = 4000;
const TYPING_SHOWN_MS = 6000;

/** The customer sidebar's read: who the customer is, and their latest conversations. */
interface CustomerView {
  customer: { name: string | null; email: string | null; externalId: string | null; attributes: Record<string, string>;
    /** The host page the customer's widget last reported; null before it reported one. */
    currentPage: { url: string; title: string | null; at: string } | null };
  conversations: Summary[];
}

interface SearchHit {
  conversationId: string;
  customerName: string | null;
  status: string;
  lastActivityAt: string;
  snippet: string | null;
}

/**
 * "On page: <title>" as a link to it, for the sidebar's list. Only http(s) links are made, whatever
 * the server holds, so a link in the sidebar never runs script.
 */
function currentPage(page: { url: string; title: string | null } | null): HTMLElement[] {
  if (!page || !/^https?:\/\//i.test(page.url)) return [];
  return [h('dt', {}, 'On page'), h('dd', {}, h('a', { class: 'current-page', href: page.url, target: '_blank',
    rel: 'noopener noreferrer', title: page.url }, page.title ?? page.url))];
}

/** The agent console: lists on the left, the conversation in the middle, the customer on the right. */
export class Console {
  private readonly auth: ConsoleAuth;
  private readonly directory = new Directory();
  private socket!: ParleySocket;
  private me = '';
  /** Admins see a link to the admin screens. */
  private admin = false;
  private tab: Tab = 'queue';
  /** Until the agent picks a tab, the first lists decide it (Mine when it has any). */
  private tabChosen = false;
  private lists: Record<ListView, Paged<Summary>> = {
    queue: { items: [], next: null }, mine: { items: [], next: null }, open: { items: [], next: null }, closed: { items: [], next: null },
  };
  private hits: SearchHit[] = [];
  private current: { summary: Summary | null; detail: Detail; timeline: Timeline } | null = null;
  private listsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typingSignal = new TypingSignal(
    (conversationId, typing) => this.socket.notify('typing', { conversationId, typing }), Date.now, TYPING_EVERY_MS);
  private typingIdle: ReturnType<typeof setTimeout> | undefined;
  private typingShown: ReturnType<typeof setTimeout> | undefined;
  private sentReadSeq = 0;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  /** Receipts coalesced per conversation: a run of incoming messages is read once, latest wins. */
  private readonly reads = new ReadReceipts((conversationId, lastDeliveredSeq, lastReadSeq) =>
    this.socket.request('read', { conversationId, lastDeliveredSeq, lastReadSeq }).then(() => this.readInLists(conversationId, lastReadSeq)));

  private readonly statusSelect = h('select', { 'aria-label': 'Your status' }, ...STATUSES.map((s) => h('option', { value: s }, s)));
  private readonly conn = h('span', { class: 'conn', role: 'status' }, 'Connecting…');
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Conversation lists' });
  private readonly list = h('div', { class: 'list', role: 'tabpanel', id: 'list-panel' });
  private readonly main = h('main', { class: 'conversation', 'aria-label': 'Conversation' });
  private readonly sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Customer' });
  private readonly typing = h('div', { class: 'typing', 'aria-live': 'polite' });
  private readonly toast = h('div', { class: 'toast', role: 'alert', hidden: true });
  private readonly messages: MessageList;
  private readonly attachments: Attachments;
  /** userId → online and last seen, from the gateway's presence frames where it has them */
  private readonly presence = new Map<string, { online: boolean; lastSeenAt: string | null }>();
  private readonly alerts = new Alerts(browserSurface(), () => this.me);
  /** userId → when they last read in the open conversation, for "Seen by … at …" */
  private readonly readAt = new Map<string, string>();
  private profile: { conversationId: string; view: CustomerView } | null = null;

  constructor(private readonly base: string, private readonly root: HTMLElement) {
    this.auth = new ConsoleAuth(base);
    this.attachments = new Attachments(base, () => this.auth.token());
    this.messages = new MessageList({
      me: () => this.me,
      author: (entry) => entry.senderKind === 'CUSTOMER' ? this.customerName()
        : entry.senderKind === 'BOT' ? 'FAQ bot' : this.directory.agentName(entry.senderId),
      actions: {
        react: (messageId, emoji, add) => void this.command(add ? 'reaction.add' : 'reaction.remove', { messageId, emoji }),
        edit: (messageId, body) => void this.command('message.edit', { messageId, body }),
        remove: (messageId) => void this.command('message.delete', { messageId }),
        loadEarlier: () => void this.loadEarlier(),
      },
      decorate: (entry) => this.attachments.render(entry.conversationId, entry.attachments),
      receipt: (entry, timeline) => receipt(entry.seq, timeline.reads, this.me, this.readAt, (id) => this.personName(id), time),
      reactors: (userIds) => reactorNames(userIds, this.me, (id) => this.personName(id)),
    });
  }

  start(): void {
    void completeSso(this.auth).then((sso) => {
      if (sso.kind === 'leaving') {
        return;
      }
      if (this.auth.signedIn) {
        void this.enter();
      } else {
        this.showLogin(sso.kind === 'failed' ? sso.message : '');
      }
    });
  }

  private showLogin(message = ''): void {
    showSignIn(this.root, { title: 'Parley console', auth: this.auth, message, beforeSignIn: askForNotifications,
      onSignedIn: () => this.enter() });
  }

  private async enter(): Promise<void> {
    try {
      const token = await this.auth.token();
      const me = await api<{ id: string; role: string }>(this.base, 'GET', '/api/v1/auth/me', token);
      this.me = me.id;
      this.admin = me.role === 'ADMIN';
      await this.directory.load(this.base, token);
    } catch {
      await this.auth.logout();
      this.showLogin('Your session has ended; sign in again.');
      return;
    }
    this.layout();
    this.socket = new ParleySocket({
      url: socketUrl(this.base),
      token: () => this.auth.token(),
      onUnauthorized: () => this.auth.expire(),
      renewToken: () => this.auth.renew(),
      onWelcome: () => this.reloadLists(),
      onEvent: (event) => this.event(event),
      onTyping: (conversationId, userId, typing) => this.showTyping(conversationId, userId, typing),
      onFrame: (frame) => {
        if (frame.type === 'presence' && frame.userId) {
          this.presence.set(frame.userId, { online: !!frame.online, lastSeenAt: frame.lastSeenAt ?? null });
          this.renderSidebar();
        }
      },
      onState: (state) => {
        this.conn.textContent = state === 'open' ? 'Connected' : state === 'connecting' ? 'Connecting…' : 'Offline — reconnecting…';
        this.conn.classList.toggle('offline', state !== 'open');
      },
    });
    this.socket.start();
  }

  private layout(): void {
    const self = this.directory.agents.get(this.me);
    this.statusSelect.value = self?.status ?? 'OFFLINE';
    this.statusSelect.addEventListener('change', () => void this.socket.request('agent.status', { status: this.statusSelect.value })
      .catch((e) => this.say(`Status not changed: ${e.message}`)));
    const search = h('input', { type: 'search', placeholder: 'Search conversations', 'aria-label': 'Search conversations' });
    const searchForm = h('form', { role: 'search' }, search);
    searchForm.addEventListener('submit', (e) => { e.preventDefault(); void this.search(search.value.trim()); });
    const top = h('header', { class: 'top' }, h('h1', {}, 'Parley'), h('label', {}, h('span', { class: 'sr' }, 'Status'), this.statusSelect),
      this.conn, h('span', { class: 'spacer' }), searchForm, h('span', { class: 'who' }, self?.name ?? ''),
      this.admin && h('a', { class: 'top-link', href: '/console/admin' }, 'Admin'),
      h('button', { type: 'button', onclick: async () => { this.socket.stop(); await this.auth.logout(); location.reload(); } }, 'Sign out'));
    window.addEventListener('focus', () => this.alerts.seen());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.alerts.seen());
    replaceChildren(this.main, h('p', { class: 'empty' }, 'Pick a conversation.'));
    replaceChildren(this.root, h('div', { class: 'shell' }, top, h('nav', { class: 'lists', 'aria-label': 'Conversations' }, this.tabs, this.list),
      this.main, this.sidebar), this.toast);
    this.renderTabs();
    setInterval(() => this.tab === 'queue' && this.renderList(), 5000);
    // the lists follow conversation.* events and apply messages in place; this catches the rest
    // (a conversation of the department nobody here takes part in got a message)
    setInterval(() => document.visibilityState === 'visible' && void this.reloadLists(), LISTS_RECONCILE_MS);
    // The customer's page changes without a conversation event (docs/architecture.md, Web): the
    // sidebar is read when a conversation opens and again while it stays open and in view.
    setInterval(() => {
      const open = this.current?.detail.conversation.id;
      if (open && document.visibilityState === 'visible') void this.loadProfile(open);
    }, SIDEBAR_REFRESH_MS);
  }

  private renderTabs(): void {
    const labels: [Tab, string][] = [['mine', 'Mine'], ['queue', 'Queue'], ['open', 'All open'], ['closed', 'Closed']];
    if (this.hits.length || this.tab === 'search') labels.push(['search', 'Search']);
    replaceKeepingFocus(this.tabs, 'data-tab', ...labels.map(([tab, label]) => {
      const counted = tab !== 'search' && (tab !== 'closed' || this.tab === 'closed') ? this.lists[tab] : null;
      const shown = counted ? badge(counted) : null;
      return h('button', { type: 'button', role: 'tab', 'aria-selected': String(this.tab === tab), 'aria-controls': 'list-panel',
        'aria-label': counted ? tabName(label, counted) : label, 'data-tab': tab,
        onclick: () => void this.choose(tab) }, label, shown && h('span', { class: 'count' }, ` (${shown.count})`),
        shown?.unreadDot ? h('span', { class: 'unread-dot', 'aria-hidden': 'true' }) : null);
    }));
  }

  private async choose(tab: Tab): Promise<void> {
    this.tab = tab;
    this.tabChosen = true;
    this.renderTabs();
    this.renderList();
    if (tab === 'closed') {
      await this.reloadLists();
    }
  }

  private scheduleLists(): void {
    clearTimeout(this.listsTimer);
    this.listsTimer = setTimeout(() => this.reloadLists(), 300);
  }

  private async reloadLists(): Promise<void> {
    const views: ListView[] = this.tab === 'closed' ? [...LIVE_VIEWS, 'closed'] : [...LIVE_VIEWS];
    try {
      // as many pages again as the agent had opened, so a reload does not fold a long list back
      const lists = await Promise.all(views.map((view) => this.readList(view, Math.max(PAGE, this.lists[view].items.length))));
      views.forEach((view, i) => { this.lists[view] = lists[i]; });
      if (!this.tabChosen && this.tab !== 'search') {
        this.tab = firstTab(this.lists.mine);
        this.tabChosen = true;
      }
    } catch (e) {
      this.say(`Lists not loaded: ${(e as Error).message}`);
    }
    if (this.current) {
      this.current.summary = this.find(this.current.detail.conversation.id) ?? this.current.summary;
    }
    this.renderTabs();
    this.renderList();
  }

  /** The first pages of a list, at least `want` conversations or all there are. */
  private async readList(view: ListView, want: number, from: Paged<Summary> = { items: [], next: null }): Promise<Paged<Summary>> {
    let list = from;
    do {
      const page = await this.socket.request<{ conversations: Summary[]; next?: string | null }>('conversation.list',
        { view, limit: PAGE, cursor: list.next ?? undefined });
      list = appendPage(list, page);
    } while (list.next && list.items.length < want);
    return list;
  }

  private async showMore(view: ListView): Promise<void> {
    try {
      this.lists[view] = await this.readList(view, this.lists[view].items.length + PAGE, this.lists[view]);
    } catch (e) {
      this.say(`More not loaded: ${(e as Error).message}`);
    }
    this.renderTabs();
    this.renderList();
  }

  private renderList(): void {
    if (this.tab === 'search') {
      replaceKeepingFocus(this.list, 'data-conversation', this.hits.length ? null : h('p', { class: 'empty' }, 'No results.'), ...this.hits.map((hit) => this.item(hit.conversationId,
        hit.customerName ?? 'Visitor', hit.status, snippetNode(hit.snippet ?? ''), 0, time(hit.lastActivityAt))));
      return;
    }
    const view = this.tab;
    const conversations = this.lists[view].items;
    if (!conversations.length) {
      replaceKeepingFocus(this.list, 'data-conversation', h('p', { class: 'empty' }, view === 'queue' ? 'Nobody is waiting.' : 'No conversations.'));
      return;
    }
    const more = this.lists[view].next
      ? h('button', { type: 'button', class: 'more', 'data-conversation': 'more', onclick: () => void this.showMore(view) }, 'Show more')
      : null;
    if (view !== 'queue') {
      replaceKeepingFocus(this.list, 'data-conversation', ...conversations.map((c) => this.summaryItem(c)), more);
      return;
    }
    const byDepartment = new Map<string, Summary[]>();
    for (const c of conversations) {
      const key = this.directory.departmentName(c.departmentId);
      byDepartment.set(key, [...(byDepartment.get(key) ?? []), c]);
    }
    replaceKeepingFocus(this.list, 'data-conversation', ...[...byDepartment].flatMap(([department, items]) => [
      h('h3', {}, `${department} (${items.length})`), ...items.map((c) => this.summaryItem(c))]), more);
  }

  private summaryItem(c: Summary): HTMLElement {
    const wait = c.status === 'QUEUED' && c.queuedAt ? `waiting ${duration((Date.now() - Date.parse(c.queuedAt)) / 1000)}` : time(c.lastActivityAt);
    return this.item(c.id, c.customerName ?? 'Visitor', c.status, c.lastMessagePreview ?? '', c.unread, wait);
  }

  private item(id: string, name: string, status: string, preview: string | HTMLElement, unread: number, when: string): HTMLElement {
    return h('button', { class: 'item', type: 'button', 'data-conversation': id, 'aria-current': String(this.current?.detail.conversation.id === id),
      onclick: () => void this.open(id) },
      h('div', { class: 'row' }, h('b', {}, name), unread ? h('span', { class: 'unread', 'aria-label': `${unread} unread` }, String(unread)) : null),
      h('div', { class: 'row' }, typeof preview === 'string' ? h('span', { class: 'preview' }, preview) : preview, h('span', { class: 'pill' }, status)),
      h('div', { class: 'row' }, h('small', {}, when)));
  }

  private find(id: string): Summary | undefined {
    return (['mine', 'open', 'queue', 'closed'] as const).flatMap((view) => this.lists[view].items).find((c) => c.id === id);
  }

  private async open(id: string): Promise<void> {
    try {
      // The detail is read before the history (commands run in order), so the history covers its lastSeq.
      await this.socket.load(id, async () => {
        const [detail, page] = await Promise.all([
          this.socket.request<Detail>('conversation.open', { conversationId: id }),
          this.socket.request<HistoryPage>('history', { conversationId: id, limit: 50 }),
        ]);
        return { state: { detail, page }, throughSeq: detail.conversation.lastSeq };
      }, ({ detail, page }) => {
        const timeline = new Timeline();
        timeline.status = detail.conversation.status;
        timeline.ownerId = detail.conversation.ownerId;
        timeline.load(page);
        timeline.more = page.more;
        this.readAt.clear();
        for (const p of detail.participants) {
          timeline.reads.set(p.userId, { lastDeliveredSeq: p.lastDeliveredSeq, lastReadSeq: p.lastReadSeq });
          if (p.readAt) this.readAt.set(p.userId, p.readAt);
        }
        this.current = { summary: this.find(id) ?? null, detail, timeline };
        this.sentReadSeq = timeline.reads.get(this.me)?.lastReadSeq ?? 0;
        this.typing.textContent = '';
        this.renderConversation();
        void this.askPresence(detail.conversation.id, detail.conversation.customerId);
        void this.loadProfile(detail.conversation.id);
      });
      this.renderList();
      this.markRead();
    } catch (e) {
      this.say(`Could not open the conversation: ${(e as Error).message}`);
    }
  }

  private async loadEarlier(): Promise<void> {
    const current = this.current;
    const first = current?.timeline.firstSeq();
    if (!current || first === undefined) return;
    const page = await this.socket.request<HistoryPage>('history', { conversationId: current.detail.conversation.id, before: first, limit: 50 });
    current.timeline.load(page);
    current.timeline.more = page.more;
    this.messages.render(current.timeline);
  }

  private renderConversation(): void {
    const focused = document.activeElement instanceof HTMLElement && this.main.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.dataset.focus;
    const current = this.current!;
    // Drawn again for a status change, the conversation keeps the reply being typed.
    const sameConversation = this.main.dataset.conversation === current.detail.conversation.id;
    const draft = sameConversation ? this.main.querySelector<HTMLTextAreaElement>('.composer textarea')?.value ?? '' : '';
    const status = current.timeline.status;
    const owner = current.timeline.ownerId;
    const participant = current.detail.participants.some((p) => p.userId === this.me && !p.leftAt);
    const action = (label: string, type: string, enabled: boolean) =>
      h('button', { type: 'button', disabled: !enabled, 'data-focus': `action:${type}`, onclick: () => void this.command(type, {}) }, label);
    const transfer = h('select', { 'aria-label': 'Transfer to', 'data-focus': 'transfer' }, h('option', { value: '' }, 'Transfer to…'),
      ...[...this.directory.departments.values()].map((d) => h('option', { value: `d:${d.id}` }, `Department: ${d.name}`)),
      ...[...this.directory.agents.values()].filter((a) => a.id !== this.me).map((a) => h('option', { value: `a:${a.id}` }, `Agent: ${a.name}`)));
    transfer.addEventListener('change', () => {
      const [kind, target] = transfer.value.split(':');
      if (target) void this.command('conversation.transfer', kind === 'a' ? { agentId: target } : { departmentId: target });
    });
    const open = status === 'ACTIVE' || status === 'WAITING_ON_CUSTOMER';
    const head = h('div', { class: 'conv-head' },
      h('h2', {}, this.customerName()), h('span', { class: 'pill', 'data-status': status }, status),
      h('span', {}, owner ? `Owner: ${owner === this.me ? 'you' : this.directory.agentName(owner)}` : 'Unassigned'),
      action('Accept', 'conversation.accept', status === 'QUEUED'),
      action('Join', 'conversation.join', !participant && status !== 'CLOSED'),
      action('Leave', 'conversation.leave', participant && owner !== this.me && status !== 'CLOSED'),
      action('Wait on customer', 'conversation.wait_on_customer', status === 'ACTIVE'),
      action('Resolve', 'conversation.resolve', open),
      action('Close', 'conversation.close', status !== 'CLOSED'),
      action('Reopen', 'conversation.reopen', status === 'RESOLVED' || status === 'CLOSED'),
      transfer);
    const composer = this.composer();
    composer.querySelector('textarea')!.value = draft;
    this.main.dataset.conversation = current.detail.conversation.id;
    replaceChildren(this.main, head, this.messages.element, this.typing, composer);
    this.messages.render(current.timeline);
    this.renderSidebar();
    if (focused) this.refocus(focused, focusKey);
  }

  /**
   * A keyboard user's focus after the conversation was drawn again (its status changed under them):
   * where it was, else the control of the same name, else the reply box, never the page's start.
   */
  private refocus(was: HTMLElement, key: string | undefined): void {
    const again = was.isConnected ? was : key ? this.main.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`) : null;
    const usable = again && !(again as HTMLButtonElement).disabled ? again : this.main.querySelector<HTMLElement>('.composer textarea');
    usable?.focus();
  }

  private composer(): HTMLElement {
    const text = h('textarea', { 'data-focus': 'composer', 'aria-label': 'Reply (Enter sends, Shift+Enter for a new line, /shortcut for a canned reply)', placeholder: 'Reply… (/shortcut for canned replies)' });
    const note = h('input', { type: 'checkbox', 'aria-label': 'Private note' });
    const suggestions = h('ul', { class: 'suggestions', 'aria-label': 'Canned replies' });
    const file = h('input', { type: 'file', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
    const box = h('form', { class: 'composer' }, suggestions, text,
      h('div', { class: 'row' }, h('label', {}, note, ' Private note (customer never sees it)'), h('span', { class: 'spacer', style: 'flex:1' }),
        file, h('button', { type: 'button', onclick: () => file.click() }, 'Attach file'),
        h('button', { class: 'primary', type: 'submit' }, 'Send')));
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (!chosen || !this.current) return;
      try {
        const uploaded = await this.attachments.upload(this.current.detail.conversation.id, chosen);
        const body = text.value.trim();
        text.value = '';
        await this.send(body, note.checked ? 'NOTE' : 'TEXT', [uploaded.id]);
      } catch (e) {
        this.say(`Not uploaded: ${(e as Error).message}`);
      }
    });
    note.addEventListener('change', () => {
      box.classList.toggle('note', note.checked);
      if (note.checked) this.stopTyping();
    });
    const useCanned = async (shortcut: string) => {
      try {
        const rendered = await api<{ text: string }>(this.base, 'POST',
          `/api/v1/conversations/${this.current!.detail.conversation.id}/canned-replies/${encodeURIComponent(shortcut)}`, await this.auth.token());
        text.value = rendered.text;
        replaceChildren(suggestions);
        text.focus();
      } catch (e) {
        this.say(`/${shortcut}: ${(e as Error).message}`);
      }
    };
    const submit = async () => {
      const body = text.value.trim();
      if (!body) return;
      const shortcut = /^\/(\S+)$/.exec(body);
      if (shortcut) {
        await useCanned(shortcut[1]);
        return;
      }
      text.value = '';
      replaceChildren(suggestions);
      this.stopTyping();
      await this.send(body, note.checked ? 'NOTE' : 'TEXT');
    };
    box.addEventListener('submit', (e) => { e.preventDefault(); void submit(); });
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void submit(); }
    });
    text.addEventListener('input', async () => {
      this.typed(note.checked);
      const prefix = /^\/(\S*)$/.exec(text.value);
      if (!prefix) { replaceChildren(suggestions); return; }
      const replies = await api<{ shortcut: string; body: string }[]>(this.base, 'GET',
        `/api/v1/canned-replies?prefix=${encodeURIComponent(prefix[1])}`, await this.auth.token()).catch(() => []);
      replaceChildren(suggestions, ...replies.slice(0, 6).map((r) => h('li', {}, h('button', { type: 'button',
        onclick: () => void useCanned(r.shortcut) }, `/${r.shortcut} — ${r.body}`))));
    });
    return box;
  }

  private renderSidebar(): void {
    const current = this.current;
    if (!current) return;
    const c = current.detail.conversation;
    const customer = current.detail.participants.find((p) => p.role === 'CUSTOMER');
    const presence = this.presence.get(c.customerId);
    const seen = presence ? (presence.online ? 'Online now' : `Offline, last seen ${time(presence.lastSeenAt)}`)
      : `Last activity ${time(customer?.readAt ?? c.lastActivityAt)}`;
    const profile = this.profile?.conversationId === c.id ? this.profile.view : null;
    const attributes = Object.entries(profile?.customer.attributes ?? {});
    const past = (profile?.conversations ?? []).filter((other) => other.id !== c.id);
    replaceChildren(this.sidebar, h('h2', {}, 'Customer'), h('dl', {},
      h('dt', {}, 'Name'), h('dd', { class: 'customer-name' }, profile?.customer.name ?? this.customerName()),
      h('dt', {}, 'Email'), h('dd', { class: 'customer-email' }, profile?.customer.email ?? '—'),
      profile?.customer.externalId ? h('dt', {}, 'User id') : null,
      profile?.customer.externalId ? h('dd', {}, profile.customer.externalId) : null,
      h('dt', {}, 'Presence'), h('dd', { class: 'presence' }, seen),
      ...currentPage(profile?.customer.currentPage ?? null),
      h('dt', {}, 'Department'), h('dd', {}, this.directory.departmentName(c.departmentId)),
      h('dt', {}, 'Started'), h('dd', {}, new Date(c.createdAt).toLocaleString())),
      attributes.length ? h('h2', { style: 'margin-top:16px' }, 'Attributes') : null,
      attributes.length ? h('dl', { class: 'attributes' }, ...attributes.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, value)])) : null,
      h('h2', { style: 'margin-top:16px' }, 'Past conversations'),
      profile === null ? h('p', { class: 'empty' }, 'Loading…')
        : past.length ? h('ul', { class: 'past' }, ...past.map((other) => h('li', {}, h('button', { type: 'button',
          onclick: () => void this.open(other.id) }, `${new Date(other.lastActivityAt).toLocaleDateString()} — ${other.status}`,
          other.lastMessagePreview ? h('small', { class: 'preview' }, ` ${other.lastMessagePreview}`) : null))))
          : h('p', { class: 'empty' }, 'None before this one.'));
  }

  private async loadProfile(conversationId: string): Promise<void> {
    try {
      const view = await api<CustomerView>(this.base, 'GET', `/api/v1/conversations/${conversationId}/customer`, await this.auth.token());
      this.profile = { conversationId, view };
      if (this.current?.detail.conversation.id === conversationId) this.renderSidebar();
    } catch (e) {
      this.say(`Customer not loaded: ${(e as Error).message}`);
    }
  }

  /**
   * Asked within the open conversation: the gateway answers only about its participants. Gateways
   * without presence answer frame.unknown_type; the sidebar then shows the last activity.
   */
  private async askPresence(conversationId: string, userId: string): Promise<void> {
    try {
      const answer = await this.socket.request<{ presence: { userId: string; online: boolean; lastSeenAt: string | null }[] }>(
        'presence.get', { conversationId, userIds: [userId] });
      for (const p of answer?.presence ?? []) {
        this.presence.set(p.userId, { online: p.online, lastSeenAt: p.lastSeenAt });
      }
      this.renderSidebar();
    } catch {
      // no presence on this gateway
    }
  }

  /** A participant's name: the customer's, or an agent's from the directory. */
  private personName(userId: string): string {
    return userId === this.current?.detail.conversation.customerId ? this.customerName() : this.directory.agentName(userId);
  }

  private customerName(): string {
    return this.current?.summary?.customerName ?? 'Visitor';
  }

  private event(event: Envelope): void {
    if (event.type === 'agent.status_changed' && event.data.agentId === this.me) {
      this.statusSelect.value = event.data.status;
    }
    if (event.type === 'conversation.assigned' && event.data.agentId === this.me) {
      this.alerts.assigned(event.conversationId!, this.find(event.conversationId!)?.customerName ?? 'a visitor');
    }
    if (event.type === 'message.created') {
      const data = event.data as { senderId: string; kind: string; body?: string };
      const listed = this.lists.mine.items.find((c) => c.id === event.conversationId);
      this.alerts.message({ conversationId: event.conversationId!, senderId: data.senderId, kind: data.kind, body: data.body ?? '' },
        listed?.customerName ?? 'A visitor', listed !== undefined);
    }
    const current = this.current;
    if (current && event.conversationId === current.detail.conversation.id) {
      if (event.type === 'message.created' && event.data.senderId !== this.me) {
        this.typing.textContent = '';
      }
      if (event.type.startsWith('conversation.participant')) {
        void this.open(current.detail.conversation.id);
        return;
      }
      if (event.type === 'read.updated') {
        const data = event.data as { userId: string; lastReadSeq: number };
        if (data.lastReadSeq > (current.timeline.reads.get(data.userId)?.lastReadSeq ?? 0)) this.readAt.set(data.userId, event.occurredAt);
      }
      if (current.timeline.apply(event)) {
        if (event.type.startsWith('conversation.')) {
          current.detail.conversation.status = current.timeline.status;
          this.renderConversation();
        } else {
          this.messages.render(current.timeline);
        }
        this.markRead();
      }
    }
    if (event.type.startsWith('conversation.') || (event.type === 'message.created' && !this.applyToLists(event))) {
      this.scheduleLists();
    }
  }

  /**
   * A message changes a listed conversation's preview, activity and unread count, which the event
   * itself says: applied in place, as the list query computes them. Only a conversation's own
   * changes move it between lists and need the server (and a timer reconciles the rest), so a
   * floor of busy conversations does not reload three lists on every message.
   */
  private applyToLists(event: Envelope): boolean {
    const data = event.data as { senderId?: string; kind?: string; body?: string };
    const listed = (['mine', 'open'] as const).flatMap((view) => this.lists[view].items).filter((c) => c.id === event.conversationId);
    if (!listed.length) return false;
    const reading = this.current?.detail.conversation.id === event.conversationId && document.visibilityState === 'visible';
    for (const summary of listed) {
      summary.lastSeq = Math.max(summary.lastSeq, event.seq ?? 0);
      summary.lastActivityAt = event.occurredAt;
      if (data.kind === 'TEXT' || data.kind === 'BOT') summary.lastMessagePreview = (data.body ?? '').slice(0, 140);
      if (!reading && data.senderId !== this.me && data.kind !== 'SYSTEM') summary.unread += 1;
    }
    for (const view of ['mine', 'open'] as const) {
      this.lists[view].items.sort((a, b) => Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt));
    }
    this.scheduleRender();
    return true;
  }

  /** What the agent has read is no longer unread in the lists. */
  private readInLists(conversationId: string, lastReadSeq: number): void {
    for (const summary of (['mine', 'open'] as const).flatMap((view) => this.lists[view].items)) {
      if (summary.id === conversationId && lastReadSeq >= summary.lastSeq) summary.unread = 0;
    }
    this.scheduleRender();
  }

  /** Renders the lists at most a few times a second, however many messages arrive. */
  private scheduleRender(): void {
    if (this.renderTimer !== undefined) return;
    this.renderTimer = setTimeout(() => {
      this.renderTimer = undefined;
      this.renderTabs();
      this.renderList();
    }, 250);
  }

  private async send(body: string, kind: 'TEXT' | 'NOTE', attachmentIds?: string[]): Promise<void> {
    const current = this.current;
    if (!current) return;
    const conversationId = current.detail.conversation.id;
    const clientMsgId = newId();
    current.timeline.addPending({ id: `pending:${clientMsgId}`, conversationId, seq: 0, senderId: this.me, senderKind: 'AGENT',
      kind, body, clientMsgId, createdAt: new Date().toISOString() });
    this.messages.render(current.timeline);
    try {
      const sent = await this.socket.request<Message>('message.send', { conversationId, clientMsgId, body, kind, attachmentIds });
      current.timeline.confirm(sent);
    } catch (e) {
      current.timeline.entries.delete(`pending:${clientMsgId}`);
      this.say(`Not sent: ${(e as Error).message}`);
    }
    if (this.current === current) this.messages.render(current.timeline);
  }

  private async command(type: string, fields: Record<string, unknown>): Promise<void> {
    const current = this.current;
    if (!current) return;
    try {
      await this.socket.request(type, { conversationId: current.detail.conversation.id, ...fields });
      if (type.startsWith('conversation.')) {
        await this.open(current.detail.conversation.id);
        this.scheduleLists();
      }
    } catch (e) {
      this.say(`${type}: ${(e as Error).message}`);
    }
  }

  private async search(q: string): Promise<void> {
    if (!q) return;
    this.hits = await this.searchHits(q);
    this.tab = 'search';
    this.renderTabs();
    this.renderList();
  }

  private async searchHits(q: string): Promise<SearchHit[]> {
    try {
      return await api<SearchHit[]>(this.base, 'GET', `/api/v1/search/conversations?q=${encodeURIComponent(q)}`, await this.auth.token());
    } catch (e) {
      this.say(`Search failed: ${(e as Error).message}`);
      return [];
    }
  }

  /** A private note tells the customer nothing (issue 15, defect 6): see TypingSignal. */
  private typed(note: boolean): void {
    const current = this.current;
    if (!current) return;
    this.typingSignal.typed(current.detail.conversation.id, note);
    clearTimeout(this.typingIdle);
    if (!note) this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdle);
    this.typingSignal.stop();
  }

  private showTyping(conversationId: string, userId: string, typing: boolean): void {
    const current = this.current;
    if (!current || conversationId !== current.detail.conversation.id) return;
    const customer = current.detail.participants.some((p) => p.userId === userId && p.role === 'CUSTOMER');
    this.typing.textContent = typing ? `${customer ? this.customerName() : this.directory.agentName(userId)} is typing…` : '';
    clearTimeout(this.typingShown);
    if (typing) this.typingShown = setTimeout(() => { this.typing.textContent = ''; }, TYPING_SHOWN_MS);
  }

  private markRead(): void {
    const current = this.current;
    if (!current || document.visibilityState !== 'visible') return;
    const participant = current.detail.participants.some((p) => p.userId === this.me && !p.leftAt);
    const last = current.timeline.lastSeq();
    if (!participant || last <= this.sentReadSeq) return;
    this.sentReadSeq = last;
    this.reads.report(current.detail.conversation.id, last, last);
  }

  private say(text: string): void {
    this.toast.textContent = text;
    this.toast.hidden = false;
    setTimeout(() => { this.toast.hidden = true; }, 4000);
  }
}
