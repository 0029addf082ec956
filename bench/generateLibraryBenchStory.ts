import type { BodyNode, StoryEdit } from '../shared/story.js';
import { generateBenchStory, random } from './generateBenchStory.js';

const SYLLABLES = ['ka', 'to', 'ri', 'ne', 'su', 'mo', 'la', 'pi', 'da', 've', 'go', 'shi', 'ra', 'mu', 'te', 'no', 'ha', 'yo', 'zu', 'be'];
/** Distinct words beyond generateBenchStory's small vocabulary, as in a real newsroom's archive (names, places, terms). */
const VOCABULARY_SIZE = 100_000;
/** The share of words drawn from that vocabulary, by Zipf's law (a few common, most rare). */
const RARE_SHARE = 0.5;

function pseudoWord(rank: number): string {
  let word = '';
  let n = rank + SYLLABLES.length;
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word;
}

let cumulative: Float64Array | null = null;
function zipfRank(u: number): number {
  if (!cumulative) {
    cumulative = new Float64Array(VOCABULARY_SIZE);
    let sum = 0;
    for (let rank = 0; rank < VOCABULARY_SIZE; rank += 1) cumulative[rank] = sum += 1 / (rank + 1);
    for (let rank = 0; rank < VOCABULARY_SIZE; rank += 1) cumulative[rank]! /= sum;
  }
  let low = 0;
  let high = VOCABULARY_SIZE - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A bench story as generateBenchStory makes it, with half its words drawn from a 100,000-word vocabulary, so the
 * search index is as large as a real archive's, not that of a 70-word vocabulary.
 */
export function generateLibraryBenchStory(index: number): StoryEdit {
  const story = generateBenchStory(index);
  const next = random(index * 7919 + 13);
  const vary = (text: string) =>
    text.replace(/[A-Za-z]+/g, (word) => {
      if (next() >= RARE_SHARE) return word;
      const rare = pseudoWord(zipfRank(next()));
      return word[0] === word[0]!.toUpperCase() ? rare[0]!.toUpperCase() + rare.slice(1) : rare;
    });
  const walk = (node: BodyNode): BodyNode => ({
    ...node,
    ...(node.text !== undefined ? { text: vary(node.text) } : {}),
    ...(node.content ? { content: node.content.map(walk) } : {}),
  });
  return { ...story, headline: vary(story.headline), dek: vary(story.dek), body: walk(story.body) };
}
