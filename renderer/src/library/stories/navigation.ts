let latest = 0;

/**
 * A ticket for one move between stories. Saving the open story first takes time; a move the user made meanwhile
 * (another click, New story, another library) supersedes this one, which then does nothing more.
 */
export function navigationStarted(): number {
  latest += 1;
  return latest;
}

export const isLatestNavigation = (ticket: number): boolean => ticket === latest;
