import { h, replaceChildren } from '../../shared/dom';
import { api } from '../../shared/http';
import { tokenOf } from './links';

/**
 * The page of an agent's one-time link (/console/password#token=…): sets the password, then
 * sends the agent to the console to sign in. The token is in the fragment, never sent but here.
 */
function start(root: HTMLElement): void {
  const token = tokenOf(location.hash);
  if (!token) {
    replaceChildren(root, h('div', { class: 'login' }, h('h1', {}, 'Set your password'),
      h('p', {}, 'This link is incomplete. Ask your admin for a new one.')));
    return;
  }
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const again = h('input', { type: 'password', name: 'again', autocomplete: 'new-password', required: true });
  const error = h('div', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'login', 'aria-label': 'Set your password' }, h('h1', {}, 'Set your password'),
    h('p', {}, 'Choose a password of at least 8 characters for Parley.'),
    h('label', {}, 'New password', password), h('label', {}, 'Repeat it', again),
    h('button', { class: 'primary', type: 'submit' }, 'Set password'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (password.value !== again.value) {
      error.textContent = 'The two passwords differ.';
      return;
    }
    try {
      const set = await api<{ email: string }>(location.origin, 'POST', '/api/v1/agent-links/password', undefined,
        { token, password: password.value });
      history.replaceState(null, '', location.pathname);
      replaceChildren(root, h('div', { class: 'login', role: 'status' }, h('h1', {}, 'Password set'),
        h('p', {}, `Sign in as ${set.email} with your new password.`),
        h('a', { class: 'primary', href: '/console' }, 'Go to the console')));
    } catch (err) {
      error.textContent = (err as { code?: string }).code === 'agent_link.invalid'
        ? 'This link was used, replaced or has expired. Ask your admin for a new one.' : (err as Error).message;
    }
  });
  replaceChildren(root, form);
  password.focus();
}

start(document.getElementById('app')!);
