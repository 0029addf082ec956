import type { ParsedQuery } from '../../shared/search/searchTerms.js';
import { searchTerms } from '../../shared/search/searchTerms.js';

/** Postings a build gathers in its flat log before they are packed (two Uint32Arrays of this length: 8 MB). */
const BUILD_LOG_SIZE = 1_000_000;
/** Postings of live changes held in small per-term arrays before they are packed. */
const MAX_LIVE_POSTINGS = 200_000;
const MAX_UNSORTED_TERMS = 2_000;

/**
 * An inverted index from search terms to stories, holding no story text: each story gets an ordinal, each term the
 * ascending list of ordinals of the stories that contain it, packed into one Uint32Array. What was added since the
 * last packing waits in a flat log (while the index is first built) or in small per-term arrays (changes after).
 * A changed story gets a new ordinal; its old one is dead until the next packing.
 */
export class StorySearchIndex {
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private packed = new Uint32Array(0);
  private packedStart = new Uint32Array(1);
  private building = false;
  private logTerms = new Uint32Array(0);
  private logOrdinals = new Uint32Array(0);
  private logLength = 0;
  private live: (number[] | undefined)[] = [];
  private liveCount = 0;
  private sortedTerms: string[] = [];
  private unsortedTerms: string[] = [];
  private storyOf: (string | undefined)[] = [];
  private ordinalOf = new Map<string, number>();
  private dead = 0;

  get size(): number {
    return this.ordinalOf.size;
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  /** Gathers what is added in the compact build log until compact() (a first build from every story file). */
  beginBuild(): void {
    this.building = true;
    this.logTerms = new Uint32Array(BUILD_LOG_SIZE);
    this.logOrdinals = new Uint32Array(BUILD_LOG_SIZE);
  }

  /** Packs everything added so far and ends a build, so the index rests in its compact form. */
  compact(): void {
    this.building = false;
    if (this.logLength > 0 || this.liveCount > 0 || this.dead > 0) this.pack();
    this.logTerms = new Uint32Array(0);
    this.logOrdinals = new Uint32Array(0);
  }

  /** Indexes (or re-indexes) one story from its searchable text. */
  set(id: string, text: string): void {
    this.delete(id);
    const ordinal = this.storyOf.length;
    this.storyOf.push(id);
    this.ordinalOf.set(id, ordinal);
    for (const term of new Set(searchTerms(text))) {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.terms.length;
        this.terms.push(term);
        this.termIds.set(term, termId);
        this.unsortedTerms.push(term);
      }
      if (this.building) {
        if (this.logLength === BUILD_LOG_SIZE) this.pack();
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
    const ordered = exact.map((term) => this.termIds.get(term));
    if (ordered.some((termId) => termId === undefined)) return new Set();
    ordered.sort((a, b) => this.postingLength(a!) - this.postingLength(b!));
    for (const termId of ordered) {
      this.forEachOrdinal(termId!, (ordinal) => {
        if (hits[ordinal] === round) hits[ordinal] = round + 1;
      });
      round += 1;
    }
    if (prefix !== null) {
      for (const term of this.termsStartingWith(prefix)) {
        this.forEachOrdinal(this.termIds.get(term)!, (ordinal) => {
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

  private packedLength(termId: number): number {
    return termId + 1 < this.packedStart.length ? this.packedStart[termId + 1]! - this.packedStart[termId]! : 0;
  }

  private postingLength(termId: number): number {
    return this.packedLength(termId) + (this.live[termId]?.length ?? 0);
  }

  /** Visits a term's ordinals in the packed array and the live arrays (the build log is packed before queries). */
  private forEachOrdinal(termId: number, visit: (ordinal: number) => void): void {
    if (termId + 1 < this.packedStart.length) {
      const end = this.packedStart[termId + 1]!;
      for (let i = this.packedStart[termId]!; i < end; i += 1) visit(this.packed[i]!);
    }
    const extra = this.live[termId];
    if (extra) for (const ordinal of extra) visit(ordinal);
  }

  private termsStartingWith(prefix: string): string[] {
    if (this.unsortedTerms.length > MAX_UNSORTED_TERMS) this.sortTerms();
    const found: string[] = [];
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sortedTerms[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(prefix); i += 1) found.push(this.sortedTerms[i]!);
    for (const term of this.unsortedTerms) if (term.startsWith(prefix)) found.push(term);
    return found;
  }

  private sortTerms(): void {
    this.sortedTerms = [...this.terms].sort();
    this.unsortedTerms = [];
  }

  /**
   * Packs every posting into one array, renumbering the live stories and dropping dead ones and terms no story has
   * any more. The maps are rebuilt only when something was dropped (never while the index is first built).
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
    const termCount = this.terms.length;
    const logStart = new Uint32Array(termCount + 1);
    for (let i = 0; i < this.logLength; i += 1) logStart[this.logTerms[i]! + 1]! += 1;
    for (let termId = 0; termId < termCount; termId += 1) logStart[termId + 1]! += logStart[termId]!;
    const logSorted = new Uint32Array(this.logLength);
    const fill = logStart.slice(0, termCount);
    for (let i = 0; i < this.logLength; i += 1) logSorted[fill[this.logTerms[i]!]!++] = this.logOrdinals[i]!;

    const packed = new Uint32Array(this.packed.length + this.logLength + this.liveCount);
    const starts = new Uint32Array(termCount + 1);
    const kept: number[] = [];
    let at = 0;
    const put = (ordinal: number) => {
      const now = renumber ? renumber[ordinal]! : ordinal;
      if (now >= 0) packed[at++] = now;
    };
    for (let termId = 0; termId < termCount; termId += 1) {
      const begin = at;
      if (termId + 1 < this.packedStart.length) {
        const end = this.packedStart[termId + 1]!;
        for (let i = this.packedStart[termId]!; i < end; i += 1) put(this.packed[i]!);
      }
      for (let i = logStart[termId]!; i < logStart[termId + 1]!; i += 1) put(logSorted[i]!);
      const extra = this.live[termId];
      if (extra) for (const ordinal of extra) put(ordinal);
      if (at > begin) kept.push(termId);
      starts[kept.length] = at;
    }
    this.logLength = 0;
    this.live = [];
    this.liveCount = 0;
    this.packed = at === packed.length ? packed : packed.slice(0, at);
    if (kept.length === termCount) {
      this.packedStart = starts;
      return;
    }
    this.packedStart = starts.slice(0, kept.length + 1);
    this.terms = kept.map((termId) => this.terms[termId]!);
    this.termIds = new Map(this.terms.map((term, termId) => [term, termId]));
    this.sortTerms();
  }
}
