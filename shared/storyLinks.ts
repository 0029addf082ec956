import type { BodyNode } from './story.js';
import { normaliseLinkUrl } from './normaliseLinkUrl.js';

/** A link taken out of a story body: its text stays, its address is named so the user can add it again. */
export interface DroppedLink {
  text: string;
  href: string;
  reason: string;
}

/**
 * The body with every link held to the editor's link rule (normaliseLinkUrl, what the link dialog accepts): an
 * address the dialog would accept is kept as the dialog would store it; any other link is taken off its text, which
 * stays word for word, and listed in `dropped`. Returns the same body object when nothing changed.
 */
export function keepAllowedLinks(body: BodyNode): { body: BodyNode; dropped: DroppedLink[] } {
  const dropped: DroppedLink[] = [];
  const visit = (node: BodyNode): BodyNode => {
    let changed = false;
    let marks = node.marks;
    if (marks?.some((mark) => mark.type === 'link')) {
      marks = marks.flatMap((mark) => {
        if (mark.type !== 'link') return [mark];
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
        const allowed = normaliseLinkUrl(href);
        if (allowed.ok && allowed.href === href) return [mark];
        changed = true;
        if (allowed.ok) return [{ ...mark, attrs: { ...mark.attrs, href: allowed.href } }];
        dropped.push({ text: node.text ?? '', href, reason: allowed.error });
        return [];
      });
    }
    let content = node.content;
    if (content) {
      const next = content.map(visit);
      if (next.some((child, i) => child !== content![i])) {
        content = next;
        changed = true;
      }
    }
    if (!changed) return node;
    const { marks: _marks, content: _content, ...rest } = node;
    return { ...rest, ...(content ? { content } : {}), ...(marks?.length ? { marks } : {}) };
  };
  return { body: visit(body), dropped };
}
