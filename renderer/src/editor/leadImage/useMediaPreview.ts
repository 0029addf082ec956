import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api.js';

export type MediaPreview = { status: 'none' } | { status: 'loading' } | { status: 'ready'; dataUrl: string } | { status: 'error'; message: string };

const cache = new Map<string, string>();

/** A data URL preview of a library image, fetched once per media id. */
export function useMediaPreview(mediaId: string | null): MediaPreview {
  const [preview, setPreview] = useState<MediaPreview>(() => initial(mediaId));
  useEffect(() => {
    setPreview(initial(mediaId));
    if (!mediaId || cache.has(mediaId)) return;
    let current = true;
    call('getMediaPreview', { id: mediaId }).then(
      ({ dataUrl }) => {
        cache.set(mediaId, dataUrl);
        if (current) setPreview({ status: 'ready', dataUrl });
      },
      (error: unknown) => {
        if (current) setPreview({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [mediaId]);
  return preview;
}

function initial(mediaId: string | null): MediaPreview {
  if (!mediaId) return { status: 'none' };
  const dataUrl = cache.get(mediaId);
  return dataUrl ? { status: 'ready', dataUrl } : { status: 'loading' };
}
