import type { Editor } from '@tiptap/react';
import { useId, useRef, type RefObject } from 'react';
import { PREFLIGHT_CHECK_LABELS, type PreflightResult, type PreflightSettings } from '../../../shared/preflight/index.js';
import { Disclosure } from '../ui/Disclosure.js';
import { goToPreflightLocation } from './goToPreflightLocation.js';
import { usePreflightResults, type PreflightFields } from './usePreflightResults.js';

interface PreflightPanelProps {
  fields: PreflightFields;
  editor: Editor | null;
  settings: PreflightSettings;
  /** The story editor, where the panel finds a field to focus. */
  rootRef: RefObject<HTMLElement | null>;
}

const STATUS_TEXT = { error: 'Blocks', warning: 'Warning', pass: 'Pass' } as const;

function summary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'All checks pass.';
  const parts = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'problem blocks' : 'problems block'} Ready and export`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return `${parts.join(' · ')}.`;
}

/** The open story's preflight: problems first, each a button to the field or the place in the body; passes below. */
export function PreflightPanel({ fields, editor, settings, rootRef }: PreflightPanelProps) {
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const results = usePreflightResults(fields, editor, settings, sectionRef);
  const problems = results.filter((result) => result.status !== 'pass');
  const passes = results.filter((result) => result.status === 'pass');
  const errors = problems.filter((result) => result.status === 'error').length;
  const sorted = [...problems.filter((result) => result.status === 'error'), ...problems.filter((result) => result.status === 'warning')];
  return (
    <section className="panel preflight-panel" aria-labelledby={headingId} data-testid="preflight" ref={sectionRef}>
      <h2 id={headingId} className="panel-title">
        Preflight
      </h2>
      <p className={`preflight-summary preflight-summary-${errors > 0 ? 'error' : problems.length > 0 ? 'warning' : 'pass'}`} role="status">
        {summary(errors, problems.length - errors)}
      </p>
      {sorted.length > 0 && (
        <ul className="preflight-list" aria-label="Preflight problems">
          {sorted.map((result, index) => (
            <li key={`${result.id}-${index}`}>
              <PreflightItem result={result} onGoTo={result.location ? () => goToPreflightLocation(result.location!, editor, rootRef.current) : undefined} />
            </li>
          ))}
        </ul>
      )}
      {passes.length > 0 && (
        <Disclosure className="preflight-passes" summary={`${passes.length} ${passes.length === 1 ? 'check passes' : 'checks pass'}`}>
          <ul className="preflight-list" aria-label="Checks that pass">
            {passes.map((result) => (
              <li key={result.id}>
                <PreflightItem result={result} />
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}

function PreflightItem({ result, onGoTo }: { result: PreflightResult; onGoTo?: () => void }) {
  const content = (
    <>
      <span className={`preflight-badge preflight-badge-${result.status}`}>{STATUS_TEXT[result.status]}</span>
      <span className="preflight-text">
        <span className="preflight-check">{PREFLIGHT_CHECK_LABELS[result.id]}</span>
        <span className="preflight-reason">{result.reason}</span>
      </span>
    </>
  );
  if (!onGoTo) return <div className={`preflight-item preflight-item-${result.status}`}>{content}</div>;
  return (
    <button type="button" className={`preflight-item preflight-item-${result.status}`} data-check={result.id} onClick={onGoTo} title="Go to it">
      {content}
    </button>
  );
}
