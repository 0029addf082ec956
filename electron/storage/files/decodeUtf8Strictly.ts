/** Bytes that are not valid UTF-8: `offset` is where the first invalid sequence starts. */
export class InvalidUtf8Error extends Error {
  constructor(readonly offset: number) {
    super(`it is not valid UTF-8 (the first bad byte is at offset ${offset})`);
    this.name = 'InvalidUtf8Error';
  }
}

// ignoreBOM keeps a byte order mark in the text, as Buffer#toString did: JSON.parse then refuses it, as before.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let following: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) following = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= following; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < lower || next > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += following + 1;
  }
  return -1;
}

/** Decodes UTF-8, refusing what is not (never a U+FFFD in place of the bytes): throws InvalidUtf8Error. */
export function decodeUtf8Strictly(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InvalidUtf8Error(Math.max(0, firstInvalidUtf8Offset(bytes)));
  }
}
