import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../shared/channels.js';
import { eventContract, type EventPayloads } from '../../shared/contract.js';
import { checkedEventPayload } from './checkedEventPayload.js';

afterEach(() => vi.restoreAllMocks());

describe('main → renderer events keep the contract', () => {
  it('every event has a payload schema', () => {
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('a payload that keeps the contract is sent as it is', () => {
    const change: EventPayloads['storiesChangedOnDisk'] = { changed: [], removed: ['story-1'], problems: [{ file: 'stories/x.json', message: 'x' }] };
    expect(checkedEventPayload('storiesChangedOnDisk', change)).toEqual({ payload: change });
    expect(checkedEventPayload('exportProgress', { done: 0, total: 3 })).toEqual({ payload: { done: 0, total: 3 } });
    expect(checkedEventPayload('flushBeforeClose', undefined)).toEqual({ payload: undefined });
  });

  it('a payload that breaks it is not sent, and the main side logs why', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = [
      checkedEventPayload('storiesChangedOnDisk', { changed: [], removed: ['../../Documents/contract'], problems: [] }),
      checkedEventPayload('exportProgress', { done: -1, total: 3 }),
      checkedEventPayload('libraryMenuCommand', 'format-disk' as never),
      checkedEventPayload('menuOpenRecentLibrary', { id: '/home/someone/Library' }),
    ];
    expect(bad).toEqual([null, null, null, null]);
    expect(logged).toHaveBeenCalledTimes(4);
    expect(String(logged.mock.calls[0]![0])).toContain('storiesChangedOnDisk');
  });
});
