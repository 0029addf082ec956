import type { MediaRef } from './story.js';

export interface ImageInfo {
  mimeType: MediaRef['mimeType'];
  extension: 'jpg' | 'png' | 'gif' | 'webp';
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);

function jpegSize(b: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [u16be(b, i + 7), u16be(b, i + 5)];
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): [number, number] | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X' && b.length >= 30) return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  return null;
}

/** The type and pixel size of a JPEG, PNG, GIF or WebP image from its bytes; null for anything else. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  let type: Omit<ImageInfo, 'width' | 'height'> | null = null;
  let size: [number, number] | null = null;
  if (bytes.length >= 24 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89 && ascii(bytes, 12, 4) === 'IHDR') {
    type = { mimeType: 'image/png', extension: 'png' };
    size = [u32be(bytes, 16), u32be(bytes, 20)];
  } else if (bytes.length >= 10 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) {
    type = { mimeType: 'image/gif', extension: 'gif' };
    size = [u16le(bytes, 6), u16le(bytes, 8)];
  } else if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    type = { mimeType: 'image/jpeg', extension: 'jpg' };
    size = jpegSize(bytes);
  } else if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    type = { mimeType: 'image/webp', extension: 'webp' };
    size = webpSize(bytes);
  }
  if (!type || !size || size[0] <= 0 || size[1] <= 0) return null;
  return { ...type, width: size[0], height: size[1] };
}
