import { useId, useState } from 'react';
import type { MediaRef } from '../../../../shared/story.js';
import { call, errorMessage } from '../../api.js';
import { leadImageNeedsAlt } from './leadImageNeedsAlt.js';
import { useMediaPreview } from './useMediaPreview.js';
import { FieldHint } from '../../ui/FieldHint.js';
import { TextField } from '../../ui/TextField.js';

export interface LeadImageValues {
  image: MediaRef | null;
  imageCredit: string;
  imageCaption: string;
  imageAlt: string;
}

interface LeadImageFieldProps extends LeadImageValues {
  onChange: (patch: Partial<LeadImageValues>) => void;
}

const FORMAT_NAMES: Record<MediaRef['mimeType'], string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/** The lead image: choose (through the main process's dialog), preview, remove, and its credit, caption and alt text. */
export function LeadImageField({ image, imageCredit, imageCaption, imageAlt, onChange }: LeadImageFieldProps) {
  const headingId = useId();
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useMediaPreview(image?.id ?? null);
  const altMissing = leadImageNeedsAlt({ image, imageAlt });

  async function chooseImage() {
    setChoosing(true);
    setError(null);
    try {
      const chosen = await call('chooseLeadImage');
      if (chosen) onChange({ image: chosen });
    } catch (caught) {
      setError(`Could not add the image: ${errorMessage(caught)}`);
    } finally {
      setChoosing(false);
    }
  }

  return (
    <section className="panel lead-image" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Lead image
      </h2>
      <div className="lead-image-media">
        <div className={image ? 'image-well has-image' : 'image-well'}>
          {image === null && <p className="image-well-empty">No lead image</p>}
          {image !== null && preview.status === 'ready' && (
            <img src={preview.dataUrl} alt={imageAlt.trim() || 'Lead image (no alt text yet)'} className="image-preview" />
          )}
          {image !== null && preview.status === 'loading' && <p className="image-well-empty">Loading preview…</p>}
          {image !== null && preview.status === 'error' && (
            <p className="image-well-empty">Preview unavailable: {preview.message}</p>
          )}
        </div>
        {image && (
          <p className="image-facts">
            {image.width} × {image.height} px · {FORMAT_NAMES[image.mimeType]} · {formatBytes(image.bytes)}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => void chooseImage()} disabled={choosing}>
            Choose image…
          </button>
          {image && (
            <button type="button" className="button" onClick={() => onChange({ image: null })}>
              Remove image
            </button>
          )}
        </div>
        <FieldHint error={error} tone="warning" />
      </div>
      <div className="lead-image-fields">
        <TextField
          label="Image credit"
          value={imageCredit}
          wraps
          maxLength={500}
          placeholder="e.g. Photographer / Agency"
          onChange={(value) => onChange({ imageCredit: value })}
        />
        <TextField
          label="Caption"
          value={imageCaption}
          maxLength={2000}
          multiline
          rows={3}
          onChange={(value) => onChange({ imageCaption: value })}
        />
        <TextField
          label="Alt text"
          value={imageAlt}
          maxLength={1000}
          multiline
          rows={3}
          placeholder="Describe the image for readers who cannot see it"
          hint={altMissing ? 'Alt text is required for the lead image' : null}
          hintTone="warning"
          onChange={(value) => onChange({ imageAlt: value })}
        />
      </div>
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
