import { ParleyError } from './protocol';

/** A JSON call to the REST API; a problem answer becomes a ParleyError with its `code`. */
export async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(new URL(path, base).toString(), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ParleyError(json?.code ?? `http.${response.status}`, json?.detail ?? response.statusText, json?.fields ?? {});
  }
  return json as T;
}
