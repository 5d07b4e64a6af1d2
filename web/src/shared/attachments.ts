import { h } from './dom';
import { ParleyError } from './protocol';

/** A file a message carries, as the message's `attachments` lists it. */
export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

interface AttachmentView extends AttachmentRef {
  url: string | null;
  urlExpiresAt: string | null;
}

/**
 * Uploads files to a conversation and shows the ones messages carry: images as previews, other
 * files as download links. Links are signed and short-lived, so they are fetched when a message
 * is shown and cached until shortly before they expire.
 */
export class Attachments {
  private readonly links = new Map<string, Promise<AttachmentView>>();

  constructor(private readonly base: string, private readonly token: () => Promise<string>) {}

  async upload(conversationId: string, file: File): Promise<AttachmentRef> {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await fetch(new URL(`/api/v1/conversations/${conversationId}/attachments`, this.base).toString(), {
      method: 'POST', headers: { Authorization: `Bearer ${await this.token()}` }, body: form,
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ParleyError(json?.code ?? `http.${response.status}`, json?.detail ?? 'The upload failed.');
    }
    return json as AttachmentRef;
  }

  render(conversationId: string, attachments: AttachmentRef[] | null | undefined): HTMLElement | null {
    if (!attachments?.length) {
      return null;
    }
    return h('div', { class: 'attachments' }, ...attachments.map((a) => this.item(conversationId, a)));
  }

  private item(conversationId: string, attachment: AttachmentRef): HTMLElement {
    const image = attachment.contentType.startsWith('image/');
    const label = `${attachment.name} (${Math.max(1, Math.round(attachment.size / 1024))} KB)`;
    const link = h('a', { class: 'file', target: '_blank', rel: 'noopener noreferrer' }, image ? '' : label);
    if (image) {
      link.append(h('img', { class: 'preview', alt: attachment.name }));
    }
    void this.link(conversationId, attachment.id).then((view) => {
      if (!view.url) return;
      const url = new URL(view.url, this.base).toString();
      link.setAttribute('href', url);
      link.querySelector('img')?.setAttribute('src', url);
    }, () => link.append(' (unavailable)'));
    return link;
  }

  private link(conversationId: string, id: string): Promise<AttachmentView> {
    let cached = this.links.get(id);
    if (!cached) {
      cached = this.token().then((token) => fetch(new URL(`/api/v1/conversations/${conversationId}/attachments/${id}`, this.base).toString(),
        { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }))
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`http.${r.status}`))));
      this.links.set(id, cached);
      void cached.then((view) => {
        const ttl = view.urlExpiresAt ? Date.parse(view.urlExpiresAt) - Date.now() - 30000 : 0;
        setTimeout(() => this.links.delete(id), Math.max(0, ttl));
      }, () => this.links.delete(id));
    }
    return cached;
  }
}
