/** What an admin screen gets from the page around it. */
export interface AdminScreen {
  readonly body: HTMLElement;
  /** The signed-in admin's agent id. */
  readonly me: string;
  readonly departments: { id: string; name: string }[];
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  say(text: string): void;
  /** Shows a form under the screen's list and focuses its first field. */
  placeForm(form: HTMLFormElement, first: HTMLElement): void;
}
