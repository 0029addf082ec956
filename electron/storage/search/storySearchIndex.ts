import type { ParsedQuery } from '../../../shared/search/searchTerms.js';
import { searchTerms } from '../../../shared/search/searchTerms.js';
import { TermDictionary } from './termDictionary.js';

/** Postings a build gathers in its flat log before they are packed (two Uint32Arrays of this length: 2 MB). */
const BUILD_LOG_SIZE = 262_144;
/** Postings of live changes held in small per-term arrays before they are packed. */
const MAX_LIVE_POSTINGS = 200_000;

/** Bytes of a number as a varint (7 bits a byte). */
const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/**
 * `array` if it holds `length` entries; else a new one, with room to grow while the index is first built (twice the
 * length: each array outgrown is garbage until the next full collection, so growing by little costs more memory).
 */
function reuse<T extends Uint8Array | Uint32Array>(array: T | undefined, length: number, growing: boolean, make: (length: number) => T): T {
  if (array && array.length >= length) return array;
  return make(growing ? length * 2 : length);
}
const byteArray = (length: number): Uint8Array => new Uint8Array(length);
const wordArray = (length: number): Uint32Array => new Uint32Array(length);

/** Visits the ordinals of one term's packed postings: ascending, each stored as a varint of its gap from the previous. */
function forEachPacked(bytes: Uint8Array, from: number, to: number, visit: (ordinal: number) => void): void {
  let ordinal = 0;
  for (let i = from; i < to; ) {
    let byte = bytes[i++]!;
    let gap = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[i++]!;
      gap = (gap | ((byte & 0x7f) << shift)) >>> 0;
    }
    ordinal += gap;
    visit(ordinal);
  }
}

/**
 * An inverted index from search terms to stories, holding no story text: each story gets an ordinal, each term the
 * ascending list of ordinals of the stories that contain it, packed into one byte array as varint gaps (most gaps
 * take one byte, where a Uint32Array takes four). What was added since the last packing waits in a flat log (while
 * the index is first built) or in small per-term arrays (changes after). A changed story gets a new ordinal; its old
 * one is dead until the next packing.
 */
export class StorySearchIndex {
  private dictionary = new TermDictionary();
  private packed: Uint8Array = new Uint8Array(0);
  /** How many terms have packed postings (the first ones; arrays may be longer, to be reused). */
  private packedTerms = 0;
  /** Where each packed term's bytes start in `packed` (one more entry than packed terms). */
  private packedStart: Uint32Array = new Uint32Array(1);
  /** Each packed term's last ordinal, so packing appends to its bytes without reading them. */
  private packedLast: Uint32Array = new Uint32Array(0);
  /** While the index is first built, it packs again and again: the arrays of the packing before, to reuse. */
  private spare: { packed: Uint8Array; start: Uint32Array; last: Uint32Array; logStart: Uint32Array; fill: Uint32Array; logSorted: Uint32Array } | null = null;
  private building = false;
  /** How many stories the first build expects, to size the packed postings once for all of them. */
  private expectedStories = 0;
  private logTerms = new Uint32Array(0);
  private logOrdinals = new Uint32Array(0);
  private logLength = 0;
  private live: (number[] | undefined)[] = [];
  private liveCount = 0;
  private storyOf: (string | undefined)[] = [];
  private ordinalOf = new Map<string, number>();
  private dead = 0;

  constructor(private readonly buildLogSize = BUILD_LOG_SIZE) {}

  get size(): number {
    return this.ordinalOf.size;
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  /** Gathers what is added in the compact build log until compact() (a first build from `stories` story files). */
  beginBuild(stories = 0): void {
    this.expectedStories = stories;
    // The log's ordinals come after every live one: pack those first, so each term's postings stay ascending.
    if (this.liveCount > 0) this.pack();
    this.building = true;
    this.logTerms = new Uint32Array(this.buildLogSize);
    this.logOrdinals = new Uint32Array(this.buildLogSize);
  }

  /** Packs everything added so far and ends a build, so the index rests in its compact form. */
  compact(): void {
    this.building = false;
    if (this.logLength > 0 || this.liveCount > 0 || this.dead > 0) this.pack();
    this.logTerms = new Uint32Array(0);
    this.logOrdinals = new Uint32Array(0);
    this.spare = null;
    if (this.packed.length > this.packedStart[this.packedTerms]!) this.packed = this.packed.slice(0, this.packedStart[this.packedTerms]!);
  }

  /** Indexes (or re-indexes) one story from its searchable text. */
  set(id: string, text: string): void {
    this.delete(id);
    const terms = new Set(searchTerms(text));
    // A story's postings go into the log whole: packing in the middle of one could renumber it.
    if (this.building && this.logLength + terms.size > this.logTerms.length) {
      this.pack();
      if (terms.size > this.logTerms.length) {
        this.logTerms = new Uint32Array(terms.size);
        this.logOrdinals = new Uint32Array(terms.size);
      }
    }
    const ordinal = this.storyOf.length;
    this.storyOf.push(id);
    this.ordinalOf.set(id, ordinal);
    for (const term of terms) {
      const termId = this.dictionary.add(term);
      if (this.building) {
        this.logTerms[this.logLength] = termId;
        this.logOrdinals[this.logLength] = ordinal;
        this.logLength += 1;
      } else {
        (this.live[termId] ??= []).push(ordinal);
        this.liveCount += 1;
      }
    }
    if (this.liveCount > MAX_LIVE_POSTINGS || (!this.building && this.dead > Math.max(2_000, this.ordinalOf.size / 4))) this.pack();
  }

  delete(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    this.ordinalOf.delete(id);
    this.storyOf[ordinal] = undefined;
    this.dead += 1;
  }

  /** Ids of the stories containing every exact term and, if given, a term starting with the prefix. */
  match({ exact, prefix }: ParsedQuery): Set<string> {
    if (this.logLength > 0) this.pack();
    if (exact.length === 0 && prefix === null) return new Set(this.ordinalOf.keys());
    const wanted = exact.length + (prefix === null ? 0 : 1);
    const hits = new Uint16Array(this.storyOf.length);
    let round = 0;
    const ordered = exact.map((term) => this.dictionary.find(term));
    if (ordered.some((termId) => termId === -1)) return new Set();
    ordered.sort((a, b) => this.postingLength(a) - this.postingLength(b));
    for (const termId of ordered) {
      this.forEachOrdinal(termId, (ordinal) => {
        if (hits[ordinal] === round) hits[ordinal] = round + 1;
      });
      round += 1;
    }
    if (prefix !== null) {
      for (const termId of this.dictionary.startingWith(prefix)) {
        this.forEachOrdinal(termId, (ordinal) => {
          if (hits[ordinal] === round) hits[ordinal] = round + 1;
        });
      }
    }
    const found = new Set<string>();
    for (let ordinal = 0; ordinal < hits.length; ordinal += 1) {
      if (hits[ordinal] === wanted) {
        const id = this.storyOf[ordinal];
        if (id !== undefined) found.add(id);
      }
    }
    return found;
  }

  private postingLength(termId: number): number {
    const packedBytes = termId < this.packedTerms ? this.packedStart[termId + 1]! - this.packedStart[termId]! : 0;
    return packedBytes + (this.live[termId]?.length ?? 0);
  }

  /** Visits a term's ordinals in the packed bytes and the live arrays (the build log is packed before queries). */
  private forEachOrdinal(termId: number, visit: (ordinal: number) => void): void {
    if (termId < this.packedTerms) forEachPacked(this.packed, this.packedStart[termId]!, this.packedStart[termId + 1]!, visit);
    const extra = this.live[termId];
    if (extra) for (const ordinal of extra) visit(ordinal);
  }

  /**
   * Packs every posting into one byte array, renumbering the live stories and dropping dead ones and terms no story
   * has any more. The maps are rebuilt only when something was dropped (never while the index is first built). Two
   * passes, one to measure and one to write, so the new array is allocated once at its size.
   */
  private pack(): void {
    let renumber: Int32Array | null = null;
    if (this.dead > 0) {
      renumber = new Int32Array(this.storyOf.length).fill(-1);
      const storyOf: string[] = [];
      this.storyOf.forEach((id, ordinal) => {
        if (id === undefined) return;
        renumber![ordinal] = storyOf.length;
        storyOf.push(id);
      });
      this.storyOf = storyOf;
      this.ordinalOf = new Map(storyOf.map((id, ordinal) => [id, ordinal]));
      this.dead = 0;
    }
    // The build log, grouped by term (a counting sort keeps each term's ordinals ascending).
    const termCount = this.dictionary.size;
    const spare = this.spare;
    const logStart = reuse(spare?.logStart, termCount + 1, this.building, wordArray);
    logStart.fill(0, 0, termCount + 1);
    for (let i = 0; i < this.logLength; i += 1) logStart[this.logTerms[i]! + 1]! += 1;
    for (let termId = 0; termId < termCount; termId += 1) logStart[termId + 1]! += logStart[termId]!;
    const logSorted = reuse(spare?.logSorted, this.logLength, this.building, wordArray);
    const fill = reuse(spare?.fill, termCount, this.building, wordArray);
    fill.set(logStart.subarray(0, termCount));
    for (let i = 0; i < this.logLength; i += 1) logSorted[fill[this.logTerms[i]!]!++] = this.logOrdinals[i]!;

    const old = this.packed;
    const oldStart = this.packedStart;
    const oldLast = this.packedLast;
    const oldTerms = this.packedTerms;
    const starts = reuse(spare?.start, termCount + 1, this.building, wordArray);
    const lasts = reuse(spare?.last, termCount, this.building, wordArray);
    starts[0] = 0;
    const kept: number[] = [];
    let out: Uint8Array | null = null;
    let at = 0;
    let last = 0;
    const put = (ordinal: number) => {
      const now = renumber ? renumber[ordinal]! : ordinal;
      if (now < 0) return;
      let gap = now - last;
      last = now;
      if (!out) {
        at += varintSize(gap);
        return;
      }
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      out[at++] = gap;
    };
    for (let pass = 0; pass < 2; pass += 1) {
      if (pass === 1) {
        // While building, room for the postings of every story expected, at the rate seen so far.
        const stories = Math.max(1, this.storyOf.length);
        const room = this.building ? Math.ceil((at * Math.max(this.expectedStories * 1.1, stories * 2)) / stories) : at;
        out = spare?.packed && spare.packed.length >= at ? spare.packed : new Uint8Array(Math.max(at, room));
      }
      at = 0;
      kept.length = 0;
      for (let termId = 0; termId < termCount; termId += 1) {
        const begin = at;
        last = 0;
        if (termId < oldTerms && oldStart[termId]! < oldStart[termId + 1]!) {
          const from = oldStart[termId]!;
          const to = oldStart[termId + 1]!;
          if (renumber) forEachPacked(old, from, to, put);
          else {
            out?.set(old.subarray(from, to), at);
            at += to - from;
            last = oldLast[termId]!;
          }
        }
        const extra = this.live[termId];
        if (extra) for (const ordinal of extra) put(ordinal);
        for (let i = logStart[termId]!; i < logStart[termId + 1]!; i += 1) put(logSorted[i]!);
        if (at === begin) continue;
        lasts[kept.length] = last;
        kept.push(termId);
        starts[kept.length] = at;
      }
    }
    this.logLength = 0;
    this.live = [];
    this.liveCount = 0;
    this.spare = this.building ? { packed: old, start: oldStart, last: oldLast, logStart, fill, logSorted } : null;
    this.packed = out!;
    this.packedStart = starts;
    this.packedLast = lasts;
    this.packedTerms = kept.length;
    if (kept.length === termCount) return;
    this.dictionary = this.dictionary.keep(kept);
  }
}
