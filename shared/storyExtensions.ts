import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { REVIEW_MARKS } from './review/reviewMarks.js';

/** URL schemes a link in a story body may use; anything else is refused in the editor and dropped on export. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** True for http(s), mailto and relative URLs; false for javascript:, data: and every other scheme. */
export function isAllowedLinkUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return !compact.startsWith('//') && !compact.startsWith('\\');
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
