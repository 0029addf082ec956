import { ALLOWED_LINK_PROTOCOLS, isAllowedLinkUrl } from '../storyExtensions.js';

interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
}
/** The WHATWG URL parser: a global in Node and in browsers, but not in the ES-only types shared/ compiles with. */
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

/** A lone "%", or any character but the ASCII URL code points (WHATWG URL) and "%"; "#" too, which encodeTail places. */
const NOT_A_URL_UNIT = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9!$&'()*+,\-./:;=?@_~%]/gu;

// UTF-8 percent-encoding, as the URL parser itself does to spaces, quotes, <, >, non-ASCII and the like in a path,
// query or fragment, so the link leads to the same URL; |, ^, [, ], a lone % and a second # it leaves as typed, and
// escaped they mean the same to a server (RFC 3986, 2.1). Not encodeURI: it escapes existing %XX escapes again (another
// URL), leaves "#" and throws on a lone surrogate, which the parser reads as U+FFFD.
const encodeUnits = (part: string) =>
  part.replace(NOT_A_URL_UNIT, (unit) => encodeURIComponent(/^[\uD800-\uDFFF]$/.test(unit) ? '\uFFFD' : unit));

/** A path, query and fragment: everything after the first "#" is the fragment, where a further "#" is escaped. */
function encodeTail(tail: string): string {
  const hash = tail.indexOf('#');
  return hash < 0 ? encodeUnits(tail) : `${encodeUnits(tail.slice(0, hash))}#${encodeUnits(tail.slice(hash + 1))}`;
}

/** The DNS limits the checker holds a host to and the parser does not: no empty label but a last one, labels of 63 characters and names of 253 at most. */
function withinDnsLimits(hostname: string): boolean {
  if (!hostname || hostname.startsWith('[')) return true;
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return name.length <= 253 && name.split('.').every((label) => label.length > 0 && label.length <= 63);
}

/**
 * An allowed link href (see isAllowedLinkUrl) as a valid URL string that leads where it does, or null when there is
 * none (credentials, a host that cannot be, a relative link a browser reads as another site's): what the HTML export writes.
 */
export function publishableHref(href: string): string | null {
  if (!isAllowedLinkUrl(href)) return null;
  // As the URL parser reads it: C0 controls and spaces trimmed from the ends, tabs and newlines removed.
  const input = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(input);
  let out: string;
  if (scheme) {
    // Absolute: the platform's parser serializes the host (IDNA to ASCII), port and dot segments; what it leaves
    // invalid in the path, query or fragment is escaped as for a relative URL.
    if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme[1]!.toLowerCase())) return null;
    let url: ParsedUrl;
    try {
      url = new WhatwgUrl(input);
    } catch {
      return null;
    }
    if (url.username || url.password || !withinDnsLimits(url.hostname)) return null;
    const pathStart = url.protocol.length + (url.host ? 2 + url.host.length : 0);
    out = url.href.slice(0, pathStart) + encodeTail(url.href.slice(pathStart));
  } else {
    // Relative, so not canonicalized (a base would swallow "../"); against a page's http(s) or file: URL a backslash
    // in the path is a slash.
    const pathEnd = input.search(/[?#]/);
    const path = pathEnd < 0 ? input : input.slice(0, pathEnd);
    out = encodeTail(path.replaceAll('\\', '/') + (pathEnd < 0 ? '' : input.slice(pathEnd)));
  }
  // "/\host" is "//host" to a browser: another site, which isAllowedLinkUrl refuses for a relative link.
  return isAllowedLinkUrl(out) ? out : null;
}
