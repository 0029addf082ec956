import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CopydeskError, type ErrorInfo } from '../../shared/result.js';
import type { ExportJobSetup } from './exportRenderJob.js';

/** The file name of the bundled render thread beside the bundle that runs this code: set by the build scripts only. */
declare const COPYDESK_EXPORT_WORKER: string | undefined;

export type ExportWorkerRequest =
  | { kind: 'setup'; batch: number; setup: ExportJobSetup }
  | { kind: 'render'; batch: number; job: number; id: string }
  | { kind: 'place'; batch: number; job: number; folder: string; replacing: boolean }
  | { kind: 'end'; batch: number; job: number };

export type ExportWorkerReply = { job: number } & (
  | { kind: 'rendered'; headline: string; slug: string; storyId: string }
  | { kind: 'stage-failed'; headline: string; slug: string; storyId: string; error: ErrorInfo }
  | { kind: 'failed'; headline: string; error: ErrorInfo }
  | { kind: 'unread' }
  | { kind: 'placed'; files: string[] }
  | { kind: 'place-failed'; error: ErrorInfo }
  | { kind: 'ended' }
);

/**
 * A story a render thread has read, rendered and written under a temporary name; `write` renames it to the folder
 * claimed for it. When the temporary write failed, `write` fails with that error, so the folder is still claimed
 * first, as when the main thread writes.
 */
export type ThreadRendered =
  | { kind: 'rendered'; headline: string; slug: string; storyId: string; write(folder: string, replacing: boolean): Promise<string[]> }
  | { kind: 'failed'; headline: string; error: ErrorInfo }
  | { kind: 'unread' };

/** Where batch exports render: a worker script and how many threads run it. */
export interface ExportThreads {
  file: string;
  threads: number;
}

/** At most this many render threads, whatever the number of cores: each has its own heap and exporter. */
const MAX_THREADS = 4;
/** Idle threads are stopped after this long; the next batch starts them again. */
const IDLE_MS = 30_000;
/**
 * Rendering makes much short-lived garbage: a young generation larger than V8's default (16 MB semi-spaces) copies
 * and promotes fewer of those objects (about 8% less CPU per story, rendering in one thread).
 */
const YOUNG_GENERATION_MB = 96;

/** Worker scripts that failed in this process: batches render in the main thread instead. */
const failedFiles = new Set<string>();

/**
 * The render threads of this process: the worker bundled beside this code (dist/electron/exportWorker.cjs beside
 * main.cjs, dist/cli/exportWorker.mjs beside copydesk.mjs), one per core up to MAX_THREADS. Null, so the batch
 * renders in the main thread, when running from source (tests), on one core, or once the worker has failed here.
 */
export function defaultExportThreads(): ExportThreads | null {
  if (typeof COPYDESK_EXPORT_WORKER !== 'string') return null;
  const file = path.join(import.meta.dirname, COPYDESK_EXPORT_WORKER);
  const threads = Math.min(os.availableParallelism(), MAX_THREADS);
  return threads >= 2 && !failedFiles.has(file) ? { file, threads } : null;
}

/** One batch's use of the render threads. */
export interface RenderSession {
  /** Threads running; 0 when none could start. */
  readonly threads: number;
  /** Reads, renders and writes one story in a render thread; 'unread' when no thread could (the main thread does it then). */
  render(id: string): Promise<ThreadRendered>;
  /** Ends the session once the threads have removed what they wrote and was not placed; idle threads may then stop. */
  end(): Promise<void>;
}

interface Thread {
  worker: Worker;
  /** Jobs sent to this thread and not answered yet, with the answer to give if the thread is lost. */
  pending: Map<number, ExportWorkerReply>;
  /** Requests to send together when this turn of the event loop ends. */
  outbox: ExportWorkerRequest[];
}

const pools = new Map<string, RenderPool>();

const asError = (error: ErrorInfo) => new CopydeskError(error.code, error.message);
const THREAD_LOST: ErrorInfo = { code: 'internal', message: 'Unexpected error: the export thread stopped before the story was written.' };

class RenderPool {
  private readonly threads: Thread[] = [];
  private readonly waiting = new Map<number, (reply: ExportWorkerReply) => void>();
  private nextJob = 0;
  private nextBatch = 0;
  private sessions = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private stopping = false;

  constructor(
    private readonly file: string,
    count: number,
  ) {
    for (let i = 0; i < count; i += 1) {
      const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const thread: Thread = { worker, pending: new Map(), outbox: [] };
      worker.on('message', (replies: ExportWorkerReply[]) => {
        for (const reply of replies) {
          thread.pending.delete(reply.job);
          this.settle(reply);
        }
      });
      worker.on('error', () => this.lose(thread));
      worker.on('exit', () => this.lose(thread));
      this.threads.push(thread);
    }
  }

  private settle(reply: ExportWorkerReply) {
    const done = this.waiting.get(reply.job);
    this.waiting.delete(reply.job);
    done?.(reply);
  }

  /** A thread that failed or stopped: its stories go back to the main thread, and this script is not used again. */
  private lose(thread: Thread) {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    for (const lost of thread.pending.values()) this.settle(lost);
    thread.pending.clear();
    if (this.stopping) return;
    failedFiles.add(this.file);
    if (pools.get(this.file) === this) pools.delete(this.file);
    void thread.worker.terminate();
  }

  /**
   * Queues a request for a thread; requests made in the same turn of the event loop go in one message, as replies
   * come back (exportWorker.ts). Resolves to the answer, or to `lost` if the thread is lost first.
   */
  private ask(thread: Thread, request: ExportWorkerRequest & { job: number }, lost: ExportWorkerReply): Promise<ExportWorkerReply> {
    if (!this.threads.includes(thread)) return Promise.resolve(lost);
    thread.pending.set(request.job, { ...lost, job: request.job });
    const answer = new Promise<ExportWorkerReply>((resolve) => this.waiting.set(request.job, resolve));
    this.send(thread, request);
    return answer;
  }

  private send(thread: Thread, request: ExportWorkerRequest) {
    if (thread.outbox.push(request) > 1) return;
    setImmediate(() => {
      if (this.threads.includes(thread)) thread.worker.postMessage(thread.outbox);
      thread.outbox = [];
    });
  }

  session(setup: ExportJobSetup): RenderSession {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.sessions++ === 0) for (const { worker } of this.threads) worker.ref();
    const batch = this.nextBatch++;
    for (const thread of this.threads) this.send(thread, { kind: 'setup', batch, setup });
    let ended = false;

    const place = (thread: Thread, job: number, folder: string, replacing: boolean) =>
      this.ask(thread, { kind: 'place', batch, job, folder, replacing }, { job, kind: 'place-failed', error: THREAD_LOST }).then((reply) => {
        if (reply.kind === 'placed') return reply.files;
        throw asError(reply.kind === 'place-failed' ? reply.error : THREAD_LOST);
      });

    return {
      threads: this.threads.length,
      render: async (id) => {
        // The thread with the fewest stories waiting gets the next one.
        const thread = this.threads.reduce<Thread | undefined>((best, next) => (!best || next.pending.size < best.pending.size ? next : best), undefined);
        if (ended || !thread) return { kind: 'unread' };
        const job = this.nextJob++;
        const reply = await this.ask(thread, { kind: 'render', batch, job, id }, { job, kind: 'unread' });
        if (reply.kind === 'rendered' || reply.kind === 'stage-failed') {
          const { headline, slug, storyId } = reply;
          const write =
            reply.kind === 'rendered' ? (folder: string, replacing: boolean) => place(thread, job, folder, replacing) : () => Promise.reject(asError(reply.error));
          return { kind: 'rendered', headline, slug, storyId, write };
        }
        return reply.kind === 'failed' ? { kind: 'failed', headline: reply.headline, error: reply.error } : { kind: 'unread' };
      },
      end: async () => {
        if (ended) return;
        ended = true;
        await Promise.all(
          this.threads.map((thread) => {
            const job = this.nextJob++;
            return this.ask(thread, { kind: 'end', batch, job }, { job, kind: 'ended' });
          }),
        );
        if (--this.sessions > 0) return;
        // Idle threads must not keep a command-line process alive.
        for (const { worker } of this.threads) worker.unref();
        this.idleTimer = setTimeout(() => void this.stop(), IDLE_MS);
        this.idleTimer.unref();
      },
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (pools.get(this.file) === this) pools.delete(this.file);
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }
}

/**
 * Starts a batch on the render threads `threads` describes, starting them if they are not running yet (threads already
 * running from the same script are used as they are, whatever `threads.threads` says).
 */
export function startRenderSession(threads: ExportThreads, setup: ExportJobSetup): RenderSession {
  let pool = pools.get(threads.file);
  if (!pool) {
    pool = new RenderPool(threads.file, threads.threads);
    pools.set(threads.file, pool);
  }
  return pool.session(setup);
}

/** Stops every render thread of this process (tests; the app leaves idle threads to stop on their own). */
export async function stopExportThreads(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.stop()));
}
