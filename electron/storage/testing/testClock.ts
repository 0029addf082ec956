/** A clock for tests: starts at `start` and moves on by `stepMs` each time it is read (or as set). */
export function testClock(start = '2026-05-20T09:00:00.000Z', stepMs = 1000) {
  let time = Date.parse(start);
  const now = () => new Date((time += stepMs));
  now.set = (iso: string) => void (time = Date.parse(iso));
  now.advance = (ms: number) => void (time += ms);
  return now;
}
