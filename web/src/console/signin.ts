import { h, replaceChildren } from '../shared/dom';
import { ConsoleAuth } from './auth';
import { beginSso } from './sso';

export interface SignIn {
  /** The form's heading: which page this is ("Parley console", "Parley admin"). */
  title: string;
  auth: ConsoleAuth;
  /** Why the form is shown again (a session that ended), or empty. */
  message?: string;
  /** Runs in the submit's user gesture, before the sign-in (a browser asks for permissions only then). */
  beforeSignIn?: () => void;
  onSignedIn: () => Promise<void>;
}

/** What to tell a person whose sign-in was refused; the server's reason, as far as it is theirs to know. */
export function signInRefusal(code: string | undefined): string {
  return code === 'auth.rate_limited' ? 'Too many attempts; wait a moment.' : 'Wrong email or password.';
}

/** The console's and the admin screens' one sign-in form, shown in `root` with the email focused. */
export function showSignIn(root: HTMLElement, options: SignIn): void {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'error', role: 'alert' }, options.message ?? '');
  const form = h('form', { class: 'login', 'aria-label': 'Sign in' }, h('h1', {}, options.title),
    h('label', {}, 'Email', email), h('label', {}, 'Password', password),
    h('button', { class: 'primary', type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    options.beforeSignIn?.();
    try {
      await options.auth.login(email.value.trim(), password.value);
    } catch (err) {
      error.textContent = signInRefusal((err as { code?: string }).code);
      return;
    }
    await options.onSignedIn();
  });
  replaceChildren(root, h('main', {}, form));
  email.focus();
  void offerSso(form, error, options.auth);
}

/** With single sign-on on, a button that sends the agent to the team's identity provider. */
async function offerSso(form: HTMLFormElement, error: HTMLElement, auth: ConsoleAuth): Promise<void> {
  const settings = await auth.sso();
  if (!settings.enabled) {
    return;
  }
  const button = h('button', { class: 'sso', type: 'button' }, 'Sign in with SSO');
  button.addEventListener('click', () => {
    button.disabled = true;
    beginSso(settings).catch(() => {
      button.disabled = false;
      error.textContent = 'This browser cannot start single sign-on here (it needs HTTPS or localhost).';
    });
  });
  form.insertBefore(h('p', { class: 'or' }, 'or'), error);
  form.insertBefore(button, error);
}
