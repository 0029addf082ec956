export interface KeyedQueue {
  <T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled (closing a library waits for its saves). */
  idle(): Promise<void>;
}

/** Runs tasks one at a time per key, so two saves of one story never interleave. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  const enqueue = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
  enqueue.idle = async () => {
    while (tails.size > 0) await Promise.all([...tails.values()]);
  };
  return enqueue;
}
