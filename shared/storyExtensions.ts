import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { REVIEW_MARKS } from './review/reviewMarks.js';

/** URL schemes a link in a story body may use; anything else is refused in the editor and dropped on export. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** The URL as a browser reads its scheme: ASCII whitespace and control characters ignored ("java\tscript:"). */
const compactUrl = (url: string) => url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const TWO_SLASHES = /^[\\/]{2}/;

/**
 * True for a link with no scheme that a browser reads as another site's: it starts with two slashes, either of them
 * a backslash ("//host", "\\host", "/\host"), since a page's http(s) URL takes a backslash for a slash.
 */
export function isOtherSiteWithoutScheme(url: string): boolean {
  const compact = compactUrl(url);
  return !SCHEME.test(compact) && TWO_SLASHES.test(compact);
}

/** True for http(s), mailto and relative URLs; false for javascript:, data: and every other scheme. */
export function isAllowedLinkUrl(url: string): boolean {
  const compact = compactUrl(url);
  if (compact === '') return false;
  const scheme = SCHEME.exec(compact);
  if (!scheme) return !TWO_SLASHES.test(compact);
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme[1]!.toLowerCase());
}

/** The one extension list shared by the editor and the exporter. */
export function createStoryExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        // Off so a link is not inclusive: typing after a link does not extend it.
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [...ALLOWED_LINK_PROTOCOLS],
        isAllowedUri: (url) => isAllowedLinkUrl(url),
        HTMLAttributes: { target: null, rel: null, class: null },
      },
    }),
    // Suggested edits and comment anchors: kept in the story file, never published (sanitizeBody drops them).
    ...REVIEW_MARKS,
  ];
}
