/** A problem found in a piece of text: its range in that text and what to tell the user. */
export interface TextMatch {
  from: number;
  to: number;
  reason: string;
}
