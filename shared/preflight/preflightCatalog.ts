/** Every preflight check, in the order the Preflight panel lists them. */
export const PREFLIGHT_CHECK_IDS = [
  'headline-missing',
  'section-missing',
  'byline-missing',
  'body-missing',
  'headline-too-long',
  'headline-seo-length',
  'dek-too-long',
  'image-alt-missing',
  'image-credit-missing',
  'caption-missing',
  'placeholder-text',
  'repeated-words',
  'straight-quotes',
  'unbalanced-quotes',
  'empty-blocks',
  'insecure-links',
  'pending-suggestions',
  'unresolved-comments',
] as const;
export type PreflightCheckId = (typeof PREFLIGHT_CHECK_IDS)[number];

/** What a library does with a check's problems: ignore them, show them, or refuse Ready and export until they are fixed. */
export const PREFLIGHT_LEVELS = ['off', 'warning', 'error'] as const;
export type PreflightLevel = (typeof PREFLIGHT_LEVELS)[number];

/** The level labels the Settings dialog shows. */
export const PREFLIGHT_LEVEL_LABELS: Record<PreflightLevel, string> = { off: 'Off', warning: 'Warn', error: 'Block' };

/** A check as the panel and Settings name it. */
export const PREFLIGHT_CHECK_LABELS: Record<PreflightCheckId, string> = {
  'headline-missing': 'Headline',
  'section-missing': 'Section',
  'byline-missing': 'Byline',
  'body-missing': 'Body text',
  'headline-too-long': 'Headline length',
  'headline-seo-length': 'Headline for search (about 60 characters)',
  'dek-too-long': 'Dek length',
  'image-alt-missing': 'Lead image alt text',
  'image-credit-missing': 'Lead image credit',
  'caption-missing': 'Lead image caption',
  'placeholder-text': 'Placeholder text (TK, XX, [link], lorem ipsum)',
  'repeated-words': 'Repeated words',
  'straight-quotes': 'Straight quotes',
  'unbalanced-quotes': 'Unbalanced quotation marks',
  'empty-blocks': 'Empty paragraphs and headings',
  'insecure-links': 'Links that are not https',
  'pending-suggestions': 'Pending suggestions',
  'unresolved-comments': 'Unresolved comments',
};

/**
 * The defaults: what would publish wrong or leak blocks (no headline, an image without alt text, a "TK", edits still
 * pending); the rest is the desk's judgement and warns.
 */
export const DEFAULT_PREFLIGHT_LEVELS: Record<PreflightCheckId, PreflightLevel> = {
  'headline-missing': 'error',
  'section-missing': 'warning',
  'byline-missing': 'warning',
  'body-missing': 'warning',
  'headline-too-long': 'warning',
  'headline-seo-length': 'warning',
  'dek-too-long': 'warning',
  'image-alt-missing': 'error',
  'image-credit-missing': 'warning',
  'caption-missing': 'warning',
  'placeholder-text': 'error',
  'repeated-words': 'warning',
  'straight-quotes': 'warning',
  'unbalanced-quotes': 'warning',
  'empty-blocks': 'warning',
  'insecure-links': 'warning',
  'pending-suggestions': 'error',
  'unresolved-comments': 'warning',
};

/** The headline length search engines show in full, roughly: a guide, not the library's limit. */
export const SEO_HEADLINE_LENGTH = 60;
