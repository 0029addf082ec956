import { createStoryExporter, type StoryExporter } from '../../shared/export/createStoryExporter.js';

const exporters = new Map<string, StoryExporter>();

/** The exporter for this process, one per stylesheet: the schema is built once, never once per story. */
export function nodeStoryExporter(stylesheet: string): StoryExporter {
  let exporter = exporters.get(stylesheet);
  if (!exporter) {
    exporter = createStoryExporter({ stylesheet });
    exporters.set(stylesheet, exporter);
  }
  return exporter;
}
