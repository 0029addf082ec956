const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for the inside of a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 become \u escapes, so no
 * `</script>` or `<!--` can end or change the element, and JSON.parse still gives back the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
