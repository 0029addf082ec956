const MIME_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

/** A library image as a data: URI, for previews and for exports that embed the image. */
export function mediaDataUri(mediaId: string, bytes: Buffer): string {
  return `data:${MIME_TYPES[mediaId.split('.')[1]!]};base64,${bytes.toString('base64')}`;
}
