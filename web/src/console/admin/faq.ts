import { h, replaceChildren } from '../../shared/dom';
import { checkbox, clearProblem, input, select, showProblem, table } from './forms';
import type { AdminScreen } from './screen';

export interface FaqEntry { id: string; question: string; answer: string; keywords: string[]; position: number; active: boolean }
/** What the match endpoint answers: the bot's reply and every entry it weighed, best first. */
export interface Trial {
  reply: { text: string; quickReplies: string[]; answered: FaqEntry | null };
  ranked: { entry: FaqEntry; score: number }[];
  confidenceThreshold: number;
}

/** A trial as the admin reads it: which entry the bot picks, and each candidate's share of the words matched. */
export function describeTrial(trial: Trial): { verdict: string; candidates: { question: string; matched: string; picked: boolean }[] } {
  const threshold = Math.round(trial.confidenceThreshold * 100);
  const picked = trial.reply.answered;
  return {
    verdict: picked
      ? `The bot answers with “${picked.question}”.`
      : `No entry matches ${threshold}% of the words: the bot says it is not sure and offers an agent.`,
    candidates: trial.ranked.map((r) => ({ question: r.entry.question, matched: `${Math.round(r.score * 100)}% of the words`,
      picked: picked?.id === r.entry.id })),
  };
}

/** Keywords as typed: separated by commas or spaces, blanks dropped. */
export function keywordsOf(text: string): string[] {
  return text.split(/[\s,]+/).map((k) => k.trim()).filter((k) => k.length > 0);
}

/** An inbox's FAQ entries, and a "try a question" box that asks the bot without a conversation. */
export async function renderFaq(screen: AdminScreen, inboxId?: string): Promise<void> {
  const inboxes = await screen.call<{ id: string; name: string; botEnabled: boolean }[]>('GET', '/api/v1/admin/inboxes');
  if (!inboxes.length) {
    replaceChildren(screen.body, h('section', {}, h('h2', {}, 'FAQ'), h('p', {}, 'Create an inbox first: each inbox has its own FAQ.')));
    return;
  }
  const inbox = inboxes.find((i) => i.id === inboxId) ?? inboxes[0];
  const entries = await screen.call<FaqEntry[]>('GET', `/api/v1/admin/inboxes/${inbox.id}/faq`);
  const chooser = select('Inbox', inboxes.map((i): [string, string] => [i.id, i.name]), inbox.id, 'inbox');
  chooser.field.addEventListener('change', () => void renderFaq(screen, chooser.field.value));
  const rows = entries.map((entry) => h('tr', { class: entry.active ? null : 'inactive' }, h('td', {}, entry.question),
    h('td', {}, entry.keywords.join(', ')), h('td', {}, entry.active ? 'yes' : 'no'), h('td', {}, String(entry.position)),
    h('td', {}, h('button', { type: 'button', onclick: () => faqForm(screen, inbox.id, entry) }, `Edit “${entry.question}”`))));
  replaceChildren(screen.body, h('section', { 'aria-labelledby': 'faq-title' },
    h('div', { class: 'admin-head' }, h('h2', { id: 'faq-title' }, 'FAQ'), chooser.label,
      h('button', { class: 'primary', type: 'button', onclick: () => faqForm(screen, inbox.id, null) }, 'New entry')),
    inbox.botEnabled ? null : h('p', {}, `The bot is off for ${inbox.name}: turn it on in the inbox's settings to have it answer first.`),
    entries.length ? table(['Question', 'Keywords', 'Active', 'Order', ''], rows) : h('p', {}, 'No entry yet.'),
    tryBox(screen, inbox.id),
    h('div', { id: 'admin-form' })));
}

function tryBox(screen: AdminScreen, inboxId: string): HTMLElement {
  const question = h('input', { type: 'text', name: 'question', placeholder: 'how long does delivery take?' });
  const error = h('div', { class: 'error', role: 'alert' });
  const result = h('div', { class: 'faq-trial', 'aria-live': 'polite' });
  const form = h('form', { class: 'admin-form', 'aria-label': 'Try a question' }, h('h3', {}, 'Try a question'),
    h('label', {}, 'A customer asks', question),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Ask the bot')), error, result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const trial = await screen.call<Trial>('POST', `/api/v1/admin/inboxes/${inboxId}/faq/match`, { question: question.value });
      clearProblem(error, form);
      const described = describeTrial(trial);
      replaceChildren(result, h('p', { class: 'verdict' }, described.verdict),
        h('blockquote', {}, trial.reply.text),
        described.candidates.length ? h('ol', { class: 'candidates' }, ...described.candidates.map((c) =>
          h('li', { class: c.picked ? 'picked' : null }, `${c.question} — ${c.matched}${c.picked ? ' (picked)' : ''}`))) : null);
    } catch (err) {
      replaceChildren(result);
      showProblem(error, form, err);
    }
  });
  return form;
}

function faqForm(screen: AdminScreen, inboxId: string, entry: FaqEntry | null): void {
  const label = entry ? 'Edit FAQ entry' : 'New FAQ entry';
  const question = input('Question', entry?.question ?? '', 'question');
  const answer = h('textarea', { name: 'answer', rows: 4 });
  answer.value = entry?.answer ?? '';
  const keywords = input('Keywords (other words customers use)', entry?.keywords.join(', ') ?? '', 'keywords');
  const position = input('Order (lower first)', String(entry?.position ?? 0), 'position');
  position.field.type = 'number';
  const active = checkbox('Active: the bot may answer with it', entry?.active ?? true, 'active');
  const error = h('div', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'admin-form', 'aria-label': label }, h('h3', {}, label), question.label,
    h('label', {}, 'Answer', answer), keywords.label, position.label, active.label,
    h('div', { class: 'row' }, h('button', { class: 'primary', type: 'submit' }, 'Save entry'),
      entry && h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(`Delete “${entry.question}”?`)) return;
        try {
          await screen.call('DELETE', `/api/v1/admin/inboxes/${inboxId}/faq/${entry.id}`);
          screen.say('FAQ entry deleted.');
          await renderFaq(screen, inboxId);
        } catch (err) {
          showProblem(error, form, err);
        }
      } }, 'Delete entry')), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const draft = { question: question.field.value, answer: answer.value, keywords: keywordsOf(keywords.field.value),
      position: Number(position.field.value || 0), active: active.field.checked };
    try {
      const path = `/api/v1/admin/inboxes/${inboxId}/faq`;
      await (entry ? screen.call('PUT', `${path}/${entry.id}`, draft) : screen.call('POST', path, draft));
      clearProblem(error, form);
      screen.say('FAQ entry saved.');
      await renderFaq(screen, inboxId);
    } catch (err) {
      showProblem(error, form, err);
    }
  });
  screen.placeForm(form, question.field);
}
