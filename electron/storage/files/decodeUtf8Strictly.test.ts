import { describe, expect, it } from 'vitest';
import { decodeUtf8Strictly, firstInvalidUtf8Offset, InvalidUtf8Error } from './decodeUtf8Strictly.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('strict UTF-8 decoding', () => {
  it('gives back valid text as it is, curly quotes, emoji and a byte order mark included', () => {
    expect(decodeUtf8Strictly(bytes('“imminent signs” — Prime Minster’s 🗞️'))).toBe('“imminent signs” — Prime Minster’s 🗞️');
    expect(decodeUtf8Strictly(bytes([0xef, 0xbb, 0xbf], '{}'))).toBe('\uFEFF{}');
  });

  it.each([
    ['a lone 0xFF', bytes('{"h": "ab', [0xff], '"}'), 9],
    ['a Latin-1 é', bytes('Caf', [0xe9], ' au lait'), 3],
    ['a sequence cut short', bytes('“ok” ', [0xe2, 0x80], 'x'), 9],
    ['an overlong encoding of "/"', bytes('ab', [0xc0, 0xaf]), 2],
    ['a surrogate', bytes('a', [0xed, 0xa0, 0x80]), 1],
    ['a code point beyond U+10FFFF', bytes('a', [0xf4, 0x90, 0x80, 0x80]), 1],
    ['a stray continuation byte', bytes('abc', [0x80]), 3],
    ['a file that ends mid-character', bytes('abc', [0xf0, 0x9f, 0x97]), 3],
  ])('refuses %s, naming the offset of the first bad byte', (_label, input, offset) => {
    expect(firstInvalidUtf8Offset(input)).toBe(offset);
    expect(() => decodeUtf8Strictly(input)).toThrow(InvalidUtf8Error);
    expect(() => decodeUtf8Strictly(input)).toThrow(`it is not valid UTF-8 (the first bad byte is at offset ${offset})`);
  });

  it('agrees with the WHATWG decoder on random bytes: valid up to the offset it names, invalid from there', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (input: Uint8Array) => {
      try {
        fatal.decode(input);
        return true;
      } catch {
        return false;
      }
    };
    for (let round = 0; round < 3000; round += 1) {
      const input = Uint8Array.from({ length: 1 + Math.floor(random() * 12) }, () => (random() < 0.5 ? 0x80 + Math.floor(random() * 0x80) : Math.floor(random() * 0x80)));
      const offset = firstInvalidUtf8Offset(input);
      expect(offset === -1).toBe(valid(input));
      if (offset !== -1) expect(valid(input.subarray(0, offset))).toBe(true);
    }
  });
});
