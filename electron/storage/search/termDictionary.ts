const encoder = new TextEncoder();
/** Terms added since the last sort that a prefix search scans one by one before it sorts them in. */
const MAX_UNSORTED_TERMS = 2_000;

/**
 * Search terms by number (0, 1, 2… in the order they were added), with no object per term: their UTF-8 bytes in one
 * array and an open-addressing hash table of numbers, a few bytes a term where a Map of strings takes a hundred.
 * Prefix search uses the terms in byte order, which keeps every term starting with a prefix together.
 */
export class TermDictionary {
  private bytes = new Uint8Array(1 << 16);
  /** Term n's bytes are bytes[starts[n]] up to bytes[starts[n + 1]]. */
  private starts = new Uint32Array(1 << 12);
  private count = 0;
  /** Term numbers by hash, -1 where free; at most half full. */
  private slots = new Int32Array(1 << 13).fill(-1);
  private scratch = new Uint8Array(256);
  private sorted = new Uint32Array(0);
  private unsorted: number[] = [];

  get size(): number {
    return this.count;
  }

  /** The number of a term, or -1 if it is not in the dictionary. */
  find(term: string): number {
    const length = this.encode(term);
    return this.slots[this.slotOf(length)]!;
  }

  /** The number of a term, added if it is new. */
  add(term: string): number {
    const length = this.encode(term);
    const slot = this.slotOf(length);
    const found = this.slots[slot]!;
    if (found !== -1) return found;
    const id = this.count;
    if (this.starts[id]! + length > this.bytes.length) this.bytes = grown(this.bytes, this.starts[id]! + length);
    if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2);
    this.bytes.set(this.scratch.subarray(0, length), this.starts[id]!);
    this.starts[id + 1] = this.starts[id]! + length;
    this.count += 1;
    this.slots[slot] = id;
    this.unsorted.push(id);
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The numbers of the terms that start with `prefix`. */
  startingWith(prefix: string): number[] {
    if (this.unsorted.length > MAX_UNSORTED_TERMS) this.sort();
    const length = this.encode(prefix);
    const found: number[] = [];
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compareWithScratch(this.sorted[mid]!, length) < 0) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length && this.startsWithScratch(this.sorted[i]!, length); i += 1) found.push(this.sorted[i]!);
    for (const id of this.unsorted) if (this.startsWithScratch(id, length)) found.push(id);
    return found;
  }

  /** A dictionary of only the given terms, numbered in the order given. */
  keep(ids: readonly number[]): TermDictionary {
    const kept = new TermDictionary();
    for (const id of ids) kept.addBytes(this.bytes.subarray(this.starts[id]!, this.starts[id + 1]!));
    kept.sort();
    return kept;
  }

  private addBytes(bytes: Uint8Array): void {
    if (bytes.length > this.scratch.length) this.scratch = new Uint8Array(bytes.length * 2);
    this.scratch.set(bytes);
    const id = this.count;
    const slot = this.slotOf(bytes.length);
    if (this.starts[id]! + bytes.length > this.bytes.length) this.bytes = grown(this.bytes, this.starts[id]! + bytes.length);
    if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2);
    this.bytes.set(bytes, this.starts[id]!);
    this.starts[id + 1] = this.starts[id]! + bytes.length;
    this.count += 1;
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  /** Puts the UTF-8 bytes of `text` in the scratch array; returns their length. */
  private encode(text: string): number {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.scratch);
      if (read === text.length) return written;
      this.scratch = new Uint8Array(this.scratch.length * 2 + text.length * 3);
    }
  }

  /** The slot of the scratch bytes: the one holding their term, or the free one where it would go. */
  private slotOf(length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(this.scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1 || this.equalsScratch(id, length)) return slot;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id += 1) {
      let slot = hash(this.bytes, this.starts[id]!, this.starts[id + 1]!) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }

  private sort(): void {
    const ids = Array.from({ length: this.count }, (_, id) => id);
    ids.sort((a, b) => this.compare(a, b));
    this.sorted = Uint32Array.from(ids);
    this.unsorted = [];
  }

  private compare(a: number, b: number): number {
    const bytes = this.bytes;
    let i = this.starts[a]!;
    let j = this.starts[b]!;
    const aEnd = this.starts[a + 1]!;
    const bEnd = this.starts[b + 1]!;
    for (; i < aEnd && j < bEnd; i += 1, j += 1) if (bytes[i] !== bytes[j]) return bytes[i]! - bytes[j]!;
    return aEnd - i - (bEnd - j);
  }

  private compareWithScratch(id: number, length: number): number {
    const start = this.starts[id]!;
    const termLength = this.starts[id + 1]! - start;
    for (let i = 0; i < termLength && i < length; i += 1) {
      const difference = this.bytes[start + i]! - this.scratch[i]!;
      if (difference !== 0) return difference;
    }
    return termLength - length;
  }

  private startsWithScratch(id: number, length: number): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start < length) return false;
    for (let i = 0; i < length; i += 1) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private equalsScratch(id: number, length: number): boolean {
    const start = this.starts[id]!;
    return this.starts[id + 1]! - start === length && this.startsWithScratch(id, length);
  }
}

/** FNV-1a of some bytes. */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}
