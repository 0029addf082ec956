import { stat } from 'node:fs/promises';

/** Whether anything (a file or a folder) is at `target`; a path that cannot be looked at counts as absent. */
export const pathExists = (target: string): Promise<boolean> => stat(target).then(() => true, () => false);
