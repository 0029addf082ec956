import { isAllowedLinkUrl, isOtherSiteWithoutScheme } from './storyExtensions.js';

export const LINK_SCHEME_ERROR = 'Links must start with https://, http:// or mailto:';
export const LINK_OTHER_SITE_ERROR = 'A link to another site must start with https:// or http://.';

/** The editor's link rule, also applied at import (storyLinks.ts). What a writer typed in the URL box, as a link the story may hold ("example.com" → "https://example.com"), or why not. */
export function normaliseLinkUrl(typed: string): { ok: true; href: string } | { ok: false; error: string } {
  const text = typed.trim();
  if (text === '') return { ok: false, error: 'Enter a URL.' };
  let href = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) href = `mailto:${text}`;
    else if (/^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+([/?#]|$)/u.test(text)) href = `https://${text}`;
  }
  if (/\s/.test(href)) return { ok: false, error: 'A URL cannot contain spaces.' };
  if (isOtherSiteWithoutScheme(href)) return { ok: false, error: LINK_OTHER_SITE_ERROR };
  if (!isAllowedLinkUrl(href)) return { ok: false, error: LINK_SCHEME_ERROR };
  return { ok: true, href };
}
