import { Window } from 'happy-dom';

/** Parses an HTML document (or a fragment, into a body) the way a browser would, for tests. */
export function parseHtml(html: string) {
  const window = new Window();
  window.document.write(html);
  return window.document;
}
