import { h, replaceChildren, replaceKeepingFocus } from '../../shared/dom';
import { api } from '../../shared/http';
import { ConsoleAuth } from '../auth';
import { showSignIn } from '../signin';
import { embedSnippet, originsOf, passwordLink } from './links';
import { renderCannedReplies } from './canned';
import { renderFaq } from './faq';
import type { AdminScreen } from './screen';
import { append, checkbox, copyable, input, select, showProblem, table } from './forms';

interface Inbox {
  id: string; name: string; publicKey: string; allowedOrigins: string[]; botEnabled: boolean;
  defaultDepartmentId: string; widgetTitle: string | null; widgetColour: string | null; greeting: string | null;
  preChatForm: boolean;
}
interface Department { id: string; name: string; strategy: string; skillsFallbackSeconds: number | null }
interface Agent {
  id: string; name: string; email: string; role: string; maxConcurrent: number; status: string;
  openCount: number; departmentIds: string[]; active: boolean;
}
interface Link { token: string; purpose: string; expiresAt: string }

type Screen = 'inboxes' | 'departments' | 'agents' | 'canned' | 'faq';
const SCREENS: [Screen, string][] = [['inboxes', 'Inboxes'], ['departments', 'Departments'], ['agents', 'Agents'],
  ['canned', 'Canned replies'], ['faq', 'FAQ']];
const STRATEGIES: [string, string][] = [['LEAST_BUSY', 'Least busy'], ['ROUND_ROBIN', 'Round robin'], ['SKILLS', 'Skills, then anyone']];

/**
 * The admin screens (/console/admin): inboxes with their embed snippet and identity secret,
 * departments with their routing strategy, agents from invitation to deactivation, canned
 * replies, and each inbox's FAQ with a "try a question" box. Admins only;
 * the server refuses everyone else whatever this page shows.
 */
export class AdminConsole {
  private readonly auth: ConsoleAuth;
  private departments: Department[] = [];
  private me = '';
  private readonly nav = h('nav', { class: 'admin-nav', 'aria-label': 'Admin screens' });
  private readonly body = h('main', { class: 'admin-body' });
  private readonly status = h('div', { class: 'admin-status', role: 'status', 'aria-live': 'polite' });

  constructor(private readonly base: string, private readonly root: HTMLElement) {
    this.auth = new ConsoleAuth(base);
  }

  start(): void {
    if (this.auth.signedIn) {
      void this.enter();
    } else {
      this.showLogin();
    }
  }

  private showLogin(message = ''): void {
    showSignIn(this.root, { title: 'Parley admin', auth: this.auth, message, onSignedIn: () => this.enter() });
  }

  private async enter(): Promise<void> {
    let me: { id: string; role: string };
    try {
      me = await this.call('GET', '/api/v1/auth/me');
    } catch {
      await this.auth.logout();
      this.showLogin('Your session has ended; sign in again.');
      return;
    }
    this.me = me.id;
    if (me.role !== 'ADMIN') {
      replaceChildren(this.root, h('main', { class: 'login' }, h('h1', {}, 'Admins only'),
        h('p', {}, 'Only admins set up inboxes, departments, agents, canned replies and the FAQ.'), h('a', { href: '/console' }, 'Back to the console')));
      return;
    }
    const top = h('header', { class: 'top' }, h('h1', {}, 'Parley admin'), this.nav, h('span', { class: 'spacer' }),
      h('a', { class: 'top-link', href: '/console' }, 'Console'),
      h('button', { type: 'button', onclick: async () => { await this.auth.logout(); location.reload(); } }, 'Sign out'));
    replaceChildren(this.root, h('div', { class: 'admin' }, top, this.status, this.body));
    const wanted = location.hash.replace('#', '') as Screen;
    await this.show(SCREENS.some(([s]) => s === wanted) ? wanted : 'inboxes');
  }

  private async show(screen: Screen): Promise<void> {
    history.replaceState(null, '', `#${screen}`);
    replaceKeepingFocus(this.nav, 'data-screen', ...SCREENS.map(([s, label]) => h('button', {
      type: 'button', 'data-screen': s, 'aria-current': s === screen ? 'page' : null, onclick: () => void this.show(s),
    }, label)));
    try {
      this.departments = await this.call<Department[]>('GET', '/api/v1/departments');
      if (screen === 'inboxes') {
        this.renderInboxes(await this.call<Inbox[]>('GET', '/api/v1/admin/inboxes'));
      } else if (screen === 'departments') {
        this.renderDepartments();
      } else if (screen === 'canned') {
        await renderCannedReplies(this.screen());
      } else if (screen === 'faq') {
        await renderFaq(this.screen());
      } else {
        this.renderAgents(await this.call<Agent[]>('GET', '/api/v1/agents'));
      }
    } catch (e) {
      this.say(`Could not load: ${(e as Error).message}`);
    }
  }

  // ---- Inboxes

  private renderInboxes(inboxes: Inbox[]): void {
    const rows = inboxes.map((inbox) => h('tr', {}, h('td', {}, inbox.name), h('td', {}, h('code', {}, inbox.publicKey)),
      h('td', {}, this.departmentName(inbox.defaultDepartmentId)), h('td', {}, inbox.botEnabled ? 'on' : 'off'),
      h('td', {}, h('button', { type: 'button', onclick: () => this.inboxForm(inbox) }, `Edit ${inbox.name}`))));
    replaceChildren(this.body, h('section', { 'aria-labelledby': 'inboxes-title' },
      h('div', { class: 'admin-head' }, h('h2', { id: 'inboxes-title' }, 'Inboxes'),
        h('button', { class: 'primary', type: 'button', onclick: () => this.inboxForm(null) }, 'New inbox')),
      inboxes.length === 0 ? h('p', {}, 'No inbox yet: create one for each website.')
        : table(['Name', 'Key', 'Department', 'Bot', ''], rows),
      h('div', { id: 'admin-form' })));
  }

  private inboxForm(inbox: Inbox | null): void {
    if (this.departments.length === 0) {
      this.say('Create a department first: every inbox routes to one.');
      return;
    }
    const name = input('Name', inbox?.name ?? '', 'name');
    const origins = h('textarea', { name: 'allowedOrigins', rows: 2, placeholder: 'https://www.example.com' });
    origins.value = (inbox?.allowedOrigins ?? []).join('\n');
    const title = input('Widget title', inbox?.widgetTitle ?? '', 'widgetTitle');
    const colour = input('Colour', inbox?.widgetColour ?? '', 'widgetColour', '#2b4c3f');
    const greeting = h('textarea', { name: 'greeting', rows: 2 });
    greeting.value = inbox?.greeting ?? '';
    const preChat = checkbox('Ask for name and email first (pre-chat form)', inbox?.preChatForm ?? false, 'preChatForm');
    const bot = checkbox('FAQ bot answers first', inbox?.botEnabled ?? false, 'botEnabled');
    const department = select('Default department', this.departments.map((d) => [d.id, d.name]),
      inbox?.defaultDepartmentId ?? this.departments[0].id, 'defaultDepartmentId');
    const error = h('div', { class: 'error', role: 'alert' });
    const extras = h('div', { class: 'admin-extras' });
    const form = h('form', { class: 'admin-form', 'aria-label': inbox ? `Edit inbox ${inbox.name}` : 'New inbox' },
      h('h3', {}, inbox ? `Edit ${inbox.name}` : 'New inbox'), name.label,
      h('label', {}, 'Allowed origins (one per line; empty allows any)', origins), title.label, colour.label,
      h('label', {}, 'Greeting', greeting), preChat.label, bot.label, department.label,
      h('div', { class: 'row' }, h('button', { class: 'primary', type: 'submit' }, 'Save inbox')), error, extras);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const settings = {
        name: name.field.value, allowedOrigins: originsOf(origins.value), widgetTitle: title.field.value,
        widgetColour: colour.field.value, greeting: greeting.value, preChatForm: preChat.field.checked,
        botEnabled: bot.field.checked, defaultDepartmentId: department.field.value,
      };
      try {
        let id = inbox?.id;
        if (!id) {
          id = (await this.call<{ id: string }>('POST', '/api/v1/admin/inboxes', settings)).id;
        }
        const saved = await this.call<Inbox>('PUT', `/api/v1/admin/inboxes/${id}`, settings);
        this.say(`Inbox ${saved.name} saved.`);
        this.renderInboxes(await this.call<Inbox[]>('GET', '/api/v1/admin/inboxes'));
        this.inboxForm(saved);
      } catch (err) {
        showProblem(error, form, err);
      }
    });
    if (inbox) {
      const snippet = embedSnippet(this.base, inbox.publicKey);
      const secret = h('div', { class: 'secret' });
      append(extras, h('h4', {}, 'Embed on your site'),
        copyable('Embed snippet', snippet, 'embed-snippet'),
        h('h4', {}, 'Identity secret'),
        h('p', {}, 'Your server signs a signed-in user with it: userHash = HMAC-SHA256(secret, userId). Rotating it makes every earlier userHash invalid at once.'),
        h('button', { type: 'button', onclick: async () => {
          if (!confirm(`Rotate the identity secret of ${inbox.name}? Signed-in users must be signed again with the new one.`)) {
            return;
          }
          try {
            const rotated = await this.call<{ hmacSecret: string }>('POST', `/api/v1/admin/inboxes/${inbox.id}/secret`);
            replaceChildren(secret, copyable('New identity secret (shown once)', rotated.hmacSecret, 'identity-secret'));
          } catch (err) {
            showProblem(error, form, err);
          }
        } }, 'Rotate secret'), secret);
    }
    this.placeForm(form, name.field);
  }

  // ---- Departments

  private renderDepartments(): void {
    const rows = this.departments.map((d) => h('tr', {}, h('td', {}, d.name), h('td', {}, strategyName(d.strategy)),
      h('td', {}, d.strategy === 'SKILLS' ? (d.skillsFallbackSeconds == null ? 'default' : `${d.skillsFallbackSeconds} s`) : ''),
      h('td', {}, h('button', { type: 'button', onclick: () => this.departmentForm(d) }, `Edit ${d.name}`))));
    replaceChildren(this.body, h('section', { 'aria-labelledby': 'departments-title' },
      h('div', { class: 'admin-head' }, h('h2', { id: 'departments-title' }, 'Departments'),
        h('button', { class: 'primary', type: 'button', onclick: () => this.departmentForm(null) }, 'New department')),
      this.departments.length === 0 ? h('p', {}, 'No department yet: conversations are queued per department.')
        : table(['Name', 'Routing', 'Fallback wait', ''], rows),
      h('div', { id: 'admin-form' })));
  }

  private departmentForm(department: Department | null): void {
    const name = input('Name', department?.name ?? '', 'name');
    const strategy = select('Routing strategy', STRATEGIES, department?.strategy ?? 'LEAST_BUSY', 'strategy');
    const fallback = input('Skills fallback wait (seconds; empty for the default)',
      department?.skillsFallbackSeconds == null ? '' : String(department.skillsFallbackSeconds), 'skillsFallbackSeconds');
    fallback.field.type = 'number';
    fallback.field.min = '0';
    const error = h('div', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'admin-form', 'aria-label': department ? `Edit department ${department.name}` : 'New department' },
      h('h3', {}, department ? `Edit ${department.name}` : 'New department'), name.label, strategy.label, fallback.label,
      h('div', { class: 'row' }, h('button', { class: 'primary', type: 'submit' }, 'Save department'),
        department && h('button', { type: 'button', class: 'danger', onclick: async () => {
          if (!confirm(`Delete ${department.name}?`)) {
            return;
          }
          try {
            await this.call('DELETE', `/api/v1/admin/departments/${department.id}`);
            this.say(`Department ${department.name} deleted.`);
            await this.show('departments');
          } catch (err) {
            showProblem(error, form, err);
          }
        } }, 'Delete department')), error);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { name: name.field.value, strategy: strategy.field.value,
        skillsFallbackSeconds: fallback.field.value === '' ? null : Number(fallback.field.value) };
      try {
        const saved = department
          ? await this.call<Department>('PUT', `/api/v1/admin/departments/${department.id}`, body)
          : await this.call<Department>('POST', '/api/v1/admin/departments', body);
        this.say(`Department ${saved.name} saved.`);
        await this.show('departments');
      } catch (err) {
        showProblem(error, form, err);
      }
    });
    this.placeForm(form, name.field);
  }

  // ---- Agents

  private renderAgents(agents: Agent[]): void {
    const rows = agents.map((a) => h('tr', { class: a.active ? null : 'inactive' }, h('td', {}, a.name), h('td', {}, a.email),
      h('td', {}, a.role), h('td', {}, a.active ? a.status : 'Deactivated'), h('td', {}, `${a.openCount} / ${a.maxConcurrent}`),
      h('td', {}, a.departmentIds.map((id) => this.departmentName(id)).join(', ')),
      h('td', {}, h('button', { type: 'button', onclick: () => this.agentForm(a) }, `Edit ${a.name}`))));
    replaceChildren(this.body, h('section', { 'aria-labelledby': 'agents-title' },
      h('div', { class: 'admin-head' }, h('h2', { id: 'agents-title' }, 'Agents'),
        h('button', { class: 'primary', type: 'button', onclick: () => this.agentForm(null) }, 'Invite agent')),
      table(['Name', 'Email', 'Role', 'Status', 'Seats', 'Departments', ''], rows),
      h('div', { id: 'admin-form' })));
  }

  private agentForm(agent: Agent | null): void {
    const name = input('Name', agent?.name ?? '', 'name');
    const email = input('Email', agent?.email ?? '', 'email');
    email.field.type = 'email';
    email.field.disabled = agent !== null;
    const role = select('Role', [['AGENT', 'Agent'], ['ADMIN', 'Admin']], agent?.role ?? 'AGENT', 'role');
    const seats = input('Seats (conversations at once)', String(agent?.maxConcurrent ?? 3), 'maxConcurrent');
    seats.field.type = 'number';
    seats.field.min = '0';
    const departments = this.departments.map((d) => checkbox(d.name, agent ? agent.departmentIds.includes(d.id) : this.departments.length === 1, 'departmentIds', d.id));
    const error = h('div', { class: 'error', role: 'alert' });
    const result = h('div', { class: 'admin-extras' });
    const actions = agent ? h('div', { class: 'row' },
      agent.active
        ? h('button', { type: 'button', class: 'danger', onclick: () => void this.agentAction(agent, 'deactivate', error, form, result) }, 'Deactivate')
        : h('button', { type: 'button', onclick: () => void this.agentAction(agent, 'reactivate', error, form, result) }, 'Reactivate'),
      agent.active && h('button', { type: 'button', onclick: () => void this.agentAction(agent, 'password-reset', error, form, result) }, 'Reset password'))
      : null;
    const form = h('form', { class: 'admin-form', 'aria-label': agent ? `Edit agent ${agent.name}` : 'Invite agent' },
      h('h3', {}, agent ? `Edit ${agent.name}` : 'Invite agent'), name.label, email.label, role.label, seats.label,
      h('fieldset', {}, h('legend', {}, 'Departments'), ...departments.map((d) => d.label)),
      h('div', { class: 'row' }, h('button', { class: 'primary', type: 'submit' }, agent ? 'Save agent' : 'Invite')),
      actions, error, result);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { name: name.field.value, email: email.field.value, role: role.field.value,
        maxConcurrent: Number(seats.field.value), departmentIds: departments.filter((d) => d.field.checked).map((d) => d.field.value) };
      try {
        if (agent) {
          const saved = await this.call<Agent>('PUT', `/api/v1/admin/agents/${agent.id}`, body);
          this.say(`${saved.name} saved.`);
          this.renderAgents(await this.call<Agent[]>('GET', '/api/v1/agents'));
        } else {
          const invited = await this.call<{ agent: Agent; link: Link }>('POST', '/api/v1/admin/agents/invitations', body);
          this.renderAgents(await this.call<Agent[]>('GET', '/api/v1/agents'));
          this.agentForm(invited.agent);
          this.showLink(invited.agent, invited.link);
        }
      } catch (err) {
        showProblem(error, form, err);
      }
    });
    this.placeForm(form, name.field);
  }

  private async agentAction(agent: Agent, action: 'deactivate' | 'reactivate' | 'password-reset', error: HTMLElement,
                            form: HTMLFormElement, result: HTMLElement): Promise<void> {
    if (action === 'deactivate' && !confirm(`Deactivate ${agent.name}? Their open conversations go back to the queue.`)) {
      return;
    }
    try {
      if (action === 'password-reset') {
        const link = await this.call<Link>('POST', `/api/v1/admin/agents/${agent.id}/password-reset`);
        replaceChildren(result);
        this.showLink(agent, link);
        return;
      }
      const answer = await this.call<{ requeued?: number }>('POST', `/api/v1/admin/agents/${agent.id}/${action}`);
      this.renderAgents(await this.call<Agent[]>('GET', '/api/v1/agents'));
      this.say(action === 'deactivate'
        ? `${agent.name} is deactivated; ${answer.requeued ?? 0} open conversation(s) went back to the queue.`
        : `${agent.name} is active again.`);
    } catch (err) {
      showProblem(error, form, err);
    }
  }

  private showLink(agent: Agent, link: Link): void {
    const box = this.body.querySelector('.admin-form .admin-extras');
    const expires = new Date(link.expiresAt).toLocaleString();
    const text = link.purpose === 'INVITE' ? `Send ${agent.name} this link to set a password (valid until ${expires}, once):`
      : `Send ${agent.name} this link to set a new password (valid until ${expires}, once):`;
    if (box) {
      replaceChildren(box, h('p', {}, text), copyable('Password link', passwordLink(this.base, link.token), 'password-link'));
    }
  }

  // ---- helpers

  private screen(): AdminScreen {
    return { body: this.body, me: this.me, departments: this.departments, call: (method, path, body) => this.call(method, path, body),
      say: (text) => this.say(text), placeForm: (form, first) => this.placeForm(form, first) };
  }

  private placeForm(form: HTMLFormElement, first: HTMLElement): void {
    const slot = this.body.querySelector('#admin-form');
    if (slot) {
      replaceChildren(slot, form);
    }
    first.focus();
  }

  private departmentName(id: string): string {
    return this.departments.find((d) => d.id === id)?.name ?? 'Unknown';
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return api<T>(this.base, method, path, await this.auth.token(), body);
  }
}

function strategyName(strategy: string): string {
  return STRATEGIES.find(([s]) => s === strategy)?.[1] ?? strategy;
}
