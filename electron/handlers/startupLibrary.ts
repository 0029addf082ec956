import path from 'node:path';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/channels.js';
import type { Handlers } from '../../shared/contract.js';
import { CopydeskError, toErrorInfo, type ErrorInfo } from '../../shared/result.js';
import { createHandlers, type CreateHandlersOptions, type LibraryHandlers } from './createHandlers.js';
import { fileSystemReason } from '../storage/files/ioError.js';
import { errorInfoLogged } from './errorInfoLogged.js';
import { assertLibraryFolder, assertRecentLibrary } from './libraryFolder.js';
import { openPreferences } from './preferencesStore.js';

/** The handlers behind the window, whether or not the library it started on could be opened. */
export type StartupHandlers = Handlers & {
  /** The open library's handlers; null while no library is open. */
  readonly current: LibraryHandlers | null;
  /** Why the library the app started on could not be opened (code and a sentence without paths); null once one is open. */
  readonly problem: ErrorInfo | null;
  close(): Promise<void>;
};

/** A file-system failure while opening (a folder in the way, no permission) as a reason the user can act on. */
function asOpenError(error: unknown): unknown {
  if (error instanceof CopydeskError || typeof (error as NodeJS.ErrnoException | null)?.code !== 'string') return error;
  console.error('Copydesk could not open its library:', error);
  return new CopydeskError('io', `The library could not be opened: ${fileSystemReason(error)}.`);
}

/** The channels that work without a library: the user's preferences, opening another library, closing the window. */
type WithoutLibrary = Pick<Handlers, 'getPreferences' | 'savePreferences' | 'openLibraryDialog' | 'openRecentLibrary' | 'confirmClose' | 'cancelExport'>;

/**
 * Opens the library the app starts on, and never strands the user when it cannot: instead of failing, it returns
 * handlers over no library. Then every library call answers with the reason (a CopydeskError with its code: 'locked'
 * for a library open elsewhere, 'read-only' or 'permission-denied' for a folder it may not change, 'not-found'…), after trying the library
 * again once (so the window's Try Again is just reading the library again), while preferences, Open Library… and
 * Open Recent work and open another library (the renderer hears libraryChanged). Plain Node: main.ts and the e2e
 * harness use it alike.
 */
export async function openAtStartup(options: CreateHandlersOptions): Promise<StartupHandlers> {
  const { ports } = options;
  let current: LibraryHandlers | null = null;
  let problem: ErrorInfo | null = null;
  let attempt: Promise<void> | null = null;

  const openAt = async (libraryDir: string) => {
    current = await createHandlers({ ...options, libraryDir });
    problem = null;
  };
  /** Tries the startup library again; calls that arrive meanwhile share the attempt. */
  const retry = () => {
    attempt ??= openAt(options.libraryDir)
      .catch((error: unknown) => {
        problem = errorInfoLogged(asOpenError(error), 'opening the library');
      })
      .finally(() => {
        attempt = null;
      });
    return attempt;
  };
  await retry();

  // Without a library, the preferences are read here (the library's handlers read them again when one opens).
  const preferences = await openPreferences(options.preferencesFile ?? null, options.now);
  const switchTo = async (dir: string) => {
    await openAt(dir);
    const name = current!.library.name;
    ports.sendEvent?.('libraryChanged', { name });
    return { name };
  };
  const withoutLibrary: WithoutLibrary = {
    getPreferences: async () => preferences.get(),
    savePreferences: ({ userName }) => preferences.setUserName(userName),
    async openLibraryDialog() {
      const chosen = await ports.chooseLibraryFolder();
      if (chosen === null) return null;
      await assertLibraryFolder(path.resolve(chosen), path.basename(chosen));
      return switchTo(path.resolve(chosen));
    },
    async openRecentLibrary({ id }) {
      const dir = preferences.recentPath(id);
      const entry = preferences.get().recentLibraries.find((recent) => recent.id === id);
      if (dir === null || !entry) throw new CopydeskError('not-found', 'This library is not in the recent list any more.');
      await assertRecentLibrary(dir, entry.name);
      return switchTo(dir);
    },
    confirmClose: async () => {
      ports.closeConfirmed();
      return undefined;
    },
    cancelExport: async () => undefined,
  };

  type AnyHandler = (input: unknown) => Promise<unknown>;
  const delegate = (name: ChannelName): AnyHandler => async (input) => {
    if (current === null) {
      const own = (withoutLibrary as Partial<Record<ChannelName, AnyHandler>>)[name];
      if (own) return own(input);
      await retry();
    }
    if (current === null) throw new CopydeskError(problem?.code ?? 'internal', problem?.message ?? toErrorInfo(null).message);
    return (current[name] as AnyHandler)(input);
  };

  const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, delegate(name)])) as unknown as Handlers;
  // defineProperties, not Object.assign: the getters must stay getters.
  return Object.defineProperties(handlers, {
    current: { get: () => current, enumerable: true },
    problem: { get: () => problem, enumerable: true },
    close: {
      value: async () => {
        await attempt;
        await current?.close();
      },
    },
  }) as StartupHandlers;
}
