/** What an admin copies: the widget's embed snippet and an agent's one-time password link. */

/** `<script src=".../widget.js" data-inbox="KEY" async></script>`, the widget served from `origin`. */
export function embedSnippet(origin: string, publicKey: string): string {
  const attribute = publicKey.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<script src="${new URL('/widget.js', origin).toString()}" data-inbox="${attribute}" async></script>`;
}

/** The page that sets the password; the token travels in the fragment, so it never reaches a server log. */
export function passwordLink(origin: string, token: string): string {
  return `${new URL('/console/password', origin).toString()}#token=${encodeURIComponent(token)}`;
}

/** The token of a password link's fragment (`#token=…`), or null. */
export function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : null;
}

/** Allowed origins as typed, one per line or separated by commas or spaces. */
export function originsOf(text: string): string[] {
  return text.split(/[\s,]+/).map((o) => o.trim().replace(/\/$/, '')).filter((o) => o.length > 0);
}
