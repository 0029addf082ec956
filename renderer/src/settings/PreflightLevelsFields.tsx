import { useId } from 'react';
import type { PreflightLevels } from '../../../shared/librarySettings.js';
import { PREFLIGHT_CHECK_IDS, PREFLIGHT_CHECK_LABELS, PREFLIGHT_LEVEL_LABELS, PREFLIGHT_LEVELS, type PreflightCheckId, type PreflightLevel } from '../../../shared/preflight/index.js';

interface PreflightLevelsFieldsProps {
  levels: PreflightLevels;
  onChange: (id: PreflightCheckId, level: PreflightLevel) => void;
}

/** Each preflight check with its level in this library: Off, Warn, or Block (stops Ready and export). */
export function PreflightLevelsFields({ levels, onChange }: PreflightLevelsFieldsProps) {
  const hintId = useId();
  return (
    <div className="settings-preflight">
      <p id={hintId} className="dialog-intro">
        Checks the Preflight panel runs on every story. “Block” stops moving a story to Ready or Published, and
        exporting it, until the problem is fixed; “Warn” only shows it.
      </p>
      <ul className="preflight-levels" aria-describedby={hintId}>
        {PREFLIGHT_CHECK_IDS.map((id) => (
          <PreflightLevelRow key={id} id={id} level={levels[id]} onChange={onChange} />
        ))}
      </ul>
    </div>
  );
}

function PreflightLevelRow({ id, level, onChange }: { id: PreflightCheckId; level: PreflightLevel; onChange: PreflightLevelsFieldsProps['onChange'] }) {
  const selectId = useId();
  return (
    <li className="preflight-level">
      <label htmlFor={selectId}>{PREFLIGHT_CHECK_LABELS[id]}</label>
      <select id={selectId} className={`field-control preflight-level-${level}`} value={level} onChange={(event) => onChange(id, event.target.value as PreflightLevel)}>
        {PREFLIGHT_LEVELS.map((value) => (
          <option key={value} value={value}>
            {PREFLIGHT_LEVEL_LABELS[value]}
          </option>
        ))}
      </select>
    </li>
  );
}
