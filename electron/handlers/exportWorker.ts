// The entry of a render thread for batch exports (bundled to dist/electron/exportWorker.cjs and dist/cli/exportWorker.mjs;
// see exportWorkerPool.ts). It reads, checks and renders the stories the main thread asks for and writes each under a
// temporary name in the export folder; once the main thread has claimed the story's folder (in the stories' order),
// it renames it into place.
import { parentPort } from 'node:worker_threads';
import { errorInfoLogged } from './errorInfoLogged.js';
import { renderExportJob, type ExportJobSetup } from './exportRenderJob.js';
import type { ExportWorkerReply, ExportWorkerRequest } from './exportWorkerPool.js';
import { discardStagedExportSync, placeStagedExportSync, stageExportSync, type StagedExport } from './writeStoryExport.js';

const port = parentPort!;
const batches = new Map<number, { setup: ExportJobSetup; staged: Map<number, StagedExport> }>();

type Render = Extract<ExportWorkerRequest, { kind: 'render' }>;

/** Stories to render, one per turn of the event loop, so that a request to place a story never waits behind them. */
const renders: Render[] = [];
/** Replies go together, a few at a time: each message wakes the main thread, which costs more than reading it. */
const replies: ExportWorkerReply[] = [];
const REPLIES_AT_ONCE = 4;

const reply = (message: ExportWorkerReply): void => {
  replies.push(message);
};
function flush() {
  if (replies.length) port.postMessage(replies.splice(0));
}

function render({ batch: batchId, job, id }: Render): void {
  const batch = batches.get(batchId);
  const result = batch ? renderExportJob(batch.setup, id) : ({ kind: 'unread' } as const);
  if (result.kind !== 'rendered') return reply({ job, ...result });
  const { headline, prepared } = result;
  const { slug, storyId } = prepared;
  try {
    batch!.staged.set(job, stageExportSync(prepared, batch!.setup.parent));
    reply({ job, kind: 'rendered', headline, slug, storyId });
  } catch (error) {
    reply({ job, kind: 'stage-failed', headline, slug, storyId, error: errorInfoLogged(error, 'staging an export') });
  }
}

function renderNext(): void {
  const next = renders.shift();
  if (next) render(next); // None when the batch ended meanwhile.
  if (!renders.length || replies.length >= REPLIES_AT_ONCE) flush();
  if (renders.length) setImmediate(renderNext);
}

function handle(request: Exclude<ExportWorkerRequest, Render>): void {
  if (request.kind === 'setup') {
    batches.set(request.batch, { setup: request.setup, staged: new Map() });
    return;
  }
  const batch = batches.get(request.batch);
  const { job } = request;
  if (request.kind === 'end') {
    // Stories of the batch still to render are not wanted any more, nor those written and not placed.
    for (let i = renders.length - 1; i >= 0; i -= 1) if (renders[i]!.batch === request.batch) reply({ job: renders.splice(i, 1)[0]!.job, kind: 'unread' });
    for (const staged of batch?.staged.values() ?? []) discardStagedExportSync(staged.staging);
    batches.delete(request.batch);
    return reply({ job, kind: 'ended' });
  }
  const staged = batch?.staged.get(job);
  batch?.staged.delete(job);
  if (!staged) return reply({ job, kind: 'place-failed', error: { code: 'internal', message: 'Unexpected error: the story was not written.' } });
  try {
    reply({ job, kind: 'placed', files: placeStagedExportSync(staged, request.folder, request.replacing) });
  } catch (error) {
    reply({ job, kind: 'place-failed', error: errorInfoLogged(error, 'placing an export') });
  }
}

port.on('message', (requests: ExportWorkerRequest[]) => {
  const rendering = renders.length > 0;
  for (const request of requests) {
    if (request.kind === 'render') renders.push(request);
    else handle(request);
  }
  flush();
  if (!rendering && renders.length) setImmediate(renderNext);
});
