import { h, replaceChildren } from '../../shared/dom';

/** The admin screens' form pieces: labelled fields named as the API names them, so a problem's fields find them. */

export function append(parent: HTMLElement, ...children: HTMLElement[]): void {
  children.forEach((child) => parent.appendChild(child));
}

export function table(headers: string[], rows: HTMLElement[]): HTMLTableElement {
  return h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t || h('span', { class: 'sr' }, 'Actions'))))),
    h('tbody', {}, ...rows));
}

export function input(text: string, value: string, name: string, placeholder?: string): { label: HTMLLabelElement; field: HTMLInputElement } {
  const field = h('input', { type: 'text', name, placeholder });
  field.value = value;
  return { label: h('label', {}, text, field), field };
}

export function checkbox(text: string, checked: boolean, name: string, value = 'on'): { label: HTMLLabelElement; field: HTMLInputElement } {
  const field = h('input', { type: 'checkbox', name, value });
  field.checked = checked;
  return { label: h('label', { class: 'check' }, field, text), field };
}

export function select(text: string, options: [string, string][], value: string, name: string): { label: HTMLLabelElement; field: HTMLSelectElement } {
  const field = h('select', { name }, ...options.map(([v, t]) => h('option', { value: v }, t)));
  field.value = value;
  return { label: h('label', {}, text, field), field };
}

/** A read-only value with a Copy button; the value is selected so Ctrl+C works too. */
export function copyable(text: string, value: string, id: string): HTMLElement {
  const field = h('input', { type: 'text', readonly: true, id, 'aria-label': text, class: 'copy-value' });
  field.value = value;
  const copied = h('span', { role: 'status' });
  return h('div', { class: 'copyable' }, h('label', { for: id }, text), h('div', { class: 'row' }, field,
    h('button', { type: 'button', onclick: async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(value);
        copied.textContent = 'Copied';
      } catch {
        copied.textContent = 'Selected: press Ctrl+C';
      }
    } }, `Copy ${text.toLowerCase()}`), copied));
}

/**
 * A problem's fields as a person reads them: "shortcut: 1 to 40 of a-z…", one per line, in the
 * order the server gave them; the problem's own message when it names no field.
 */
export function problemLines(message: string, fields: Record<string, string> | undefined): string[] {
  const named = Object.entries(fields ?? {});
  return named.length ? named.map(([field, why]) => `${field}: ${why}`) : [message];
}

/**
 * A problem shown on its form: the message in the form's alert, and each field it names marked
 * invalid with its own message beside it (aria-describedby), the first of them focused.
 */
export function showProblem(error: HTMLElement, form: HTMLFormElement, err: unknown): void {
  const fields = (err as { fields?: Record<string, string> }).fields ?? {};
  error.textContent = problemLines((err as Error).message, fields).join('\n');
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.field-error').forEach((el) => el.remove());
  let first: HTMLElement | null = null;
  for (const [name, why] of Object.entries(fields)) {
    const field = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!field) continue;
    const id = `${form.getAttribute('aria-label')?.replace(/\W+/g, '-') ?? 'form'}-${name}-error`;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', id);
    field.insertAdjacentElement('afterend', h('span', { class: 'field-error', id }, why));
    first ??= field;
  }
  first?.focus();
}

/** Clears what {@link showProblem} marked, after a save went through. */
export function clearProblem(error: HTMLElement, form: HTMLFormElement): void {
  replaceChildren(error);
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => el.remove());
}
