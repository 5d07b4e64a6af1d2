import { h, replaceChildren } from '../../shared/dom';
import { clearProblem, select, showProblem, table } from './forms';
import type { AdminScreen } from './screen';

export interface CannedReply { id: string; shortcut: string; body: string; ownerId: string | null; departmentId: string | null }

/** Who a reply is for, as the list says it. */
export function scopeOf(reply: CannedReply, departmentName: (id: string) => string): string {
  if (reply.ownerId) return 'Personal';
  return reply.departmentId ? departmentName(reply.departmentId) : 'Everyone';
}

/**
 * Canned replies: the team's (everyone's or one department's, kept by admins) and the admin's own
 * personal ones. Another agent's personal replies are theirs alone and never listed here.
 */
export async function renderCannedReplies(screen: AdminScreen): Promise<void> {
  const [team, available] = await Promise.all([
    screen.call<CannedReply[]>('GET', '/api/v1/admin/canned-replies'),
    screen.call<CannedReply[]>('GET', '/api/v1/canned-replies'),
  ]);
  const personal = available.filter((r) => r.ownerId === screen.me);
  const department = (id: string) => screen.departments.find((d) => d.id === id)?.name ?? 'Unknown department';
  const rows = (replies: CannedReply[]) => replies.map((r) => h('tr', {}, h('td', {}, h('code', {}, `/${r.shortcut}`)),
    h('td', { class: 'canned-body' }, r.body), h('td', {}, scopeOf(r, department)),
    h('td', {}, h('button', { type: 'button', onclick: () => cannedForm(screen, r, !r.ownerId) }, `Edit /${r.shortcut}`))));
  replaceChildren(screen.body, h('section', { 'aria-labelledby': 'canned-title' },
    h('div', { class: 'admin-head' }, h('h2', { id: 'canned-title' }, 'Canned replies'),
      h('button', { class: 'primary', type: 'button', onclick: () => cannedForm(screen, null, true) }, 'New team reply'),
      h('button', { type: 'button', onclick: () => cannedForm(screen, null, false) }, 'New personal reply')),
    h('p', {}, 'Agents type /shortcut in a conversation. {customer.name}, {customer.email}, {customer.<attribute>} and {agent.name} are filled in.'),
    h('h3', {}, 'Team replies'),
    team.length ? table(['Shortcut', 'Text', 'For', ''], rows(team)) : h('p', {}, 'No team reply yet.'),
    h('h3', {}, 'Your personal replies'),
    personal.length ? table(['Shortcut', 'Text', 'For', ''], rows(personal)) : h('p', {}, 'No personal reply yet.'),
    h('div', { id: 'admin-form' })));
}

function cannedForm(screen: AdminScreen, reply: CannedReply | null, team: boolean): void {
  const label = reply ? `Edit /${reply.shortcut}` : team ? 'New team reply' : 'New personal reply';
  const shortcut = h('input', { type: 'text', name: 'shortcut', placeholder: 'refund', autocomplete: 'off' });
  shortcut.value = reply?.shortcut ?? '';
  const body = h('textarea', { name: 'body', rows: 4 });
  body.value = reply?.body ?? '';
  const department = team ? select('For', [['', 'Everyone'], ...screen.departments.map((d): [string, string] => [d.id, d.name])],
    reply?.departmentId ?? '', 'departmentId') : null;
  const error = h('div', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'admin-form', 'aria-label': label }, h('h3', {}, label),
    h('label', {}, 'Shortcut', shortcut), h('label', {}, 'Text', body), department?.label,
    h('div', { class: 'row' }, h('button', { class: 'primary', type: 'submit' }, 'Save reply'),
      reply && h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(`Delete /${reply.shortcut}?`)) return;
        try {
          await screen.call('DELETE', `/api/v1/canned-replies/${reply.id}`);
          screen.say(`/${reply.shortcut} deleted.`);
          await renderCannedReplies(screen);
        } catch (err) {
          showProblem(error, form, err);
        }
      } }, 'Delete reply')), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const departmentId = department?.field.value || null;
    try {
      const saved = reply
        ? await screen.call<CannedReply>('PUT', `/api/v1/canned-replies/${reply.id}`, { shortcut: shortcut.value, body: body.value, departmentId })
        : await screen.call<CannedReply>('POST', '/api/v1/canned-replies', { shortcut: shortcut.value, body: body.value, team, departmentId });
      clearProblem(error, form);
      screen.say(`/${saved.shortcut} saved.`);
      await renderCannedReplies(screen);
    } catch (err) {
      showProblem(error, form, err);
    }
  });
  screen.placeForm(form, shortcut);
}
