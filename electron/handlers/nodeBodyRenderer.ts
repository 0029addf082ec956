import { Window } from 'happy-dom';
import { createBodyRenderer, type BodyRenderer } from '../../shared/export/renderStoryBody.js';

let renderer: BodyRenderer | null = null;

/** One schema and one happy-dom document for the whole process: building them per story is what makes export slow. */
export function nodeBodyRenderer(): BodyRenderer {
  renderer ??= createBodyRenderer(new Window().document);
  return renderer;
}
