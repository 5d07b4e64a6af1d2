import { h } from '../shared/dom';

/** Where the search service marks a match in a snippet (private-use characters; see docs/architecture.md). */
const START = '\uE000';
const STOP = '\uE001';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A snippet cut at its marks. Everything is text, whatever it holds ("<b>", "<script>"): only the
 * two private-use characters mark a match, and an unmatched one just ends or starts a mark.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === START || ch === STOP) {
      if (text) parts.push({ text, mark });
      text = '';
      mark = ch === START;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, mark });
  return parts;
}

/** The snippet as nodes: text nodes, and <mark> elements holding text nodes — never parsed markup. */
export function snippetNode(snippet: string): HTMLElement {
  return h('span', { class: 'preview snippet' }, ...snippetParts(snippet).map((part) => part.mark ? h('mark', {}, part.text) : part.text));
}
