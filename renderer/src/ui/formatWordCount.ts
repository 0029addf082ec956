const number = new Intl.NumberFormat('en-US');

/** "1 word", "1,024 words". */
export function formatWordCount(count: number): string {
  return `${number.format(count)} ${count === 1 ? 'word' : 'words'}`;
}
