interface ConflictNoticeProps {
  onKeepMyVersion: () => void;
  onReload: () => void;
}

/** Shown when a save met another writer's newer version: the writer chooses, and nothing they typed is lost. */
export function ConflictNotice({ onKeepMyVersion, onReload }: ConflictNoticeProps) {
  return (
    <div className="notice notice-error story-conflict" role="alert">
      <div className="notice-text">
        <p className="notice-title">This story was changed elsewhere, so your latest edits were not saved.</p>
        <p>Keep your version as a new story beside the other one, or reload to continue from the saved version.</p>
      </div>
      <button type="button" className="button button-primary" onClick={onKeepMyVersion}>
        Keep my version as a new story
      </button>
      <button type="button" className="button" onClick={onReload}>
        Reload story
      </button>
    </div>
  );
}
