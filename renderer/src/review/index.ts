// review: the story's place in the desk's workflow (status), the editor's notes, and its History of revisions.
export { HistoryDialog } from './HistoryDialog.js';
export { NotesPanel } from './NotesPanel.js';
export { StatusPanel } from './StatusPanel.js';
export { useStoryWorkflow } from './useStoryWorkflow.js';
export { Suggesting } from './suggestions/suggestingMode.js';
export { SuggestionsBar } from './suggestions/SuggestionsBar.js';
export { SuggestionsPanel } from './suggestions/SuggestionsPanel.js';
export { CommentsPanel } from './comments/CommentsPanel.js';
export { SuggestableTextField } from './suggestions/SuggestableTextField.js';
export { suggestingChanged, suggestingToggleOffered } from './suggestions/suggestingStore.js';
