// preflight: the open story's checks before Ready and export (shared/preflight), as a panel that takes the user to
// each problem.
export { PreflightPanel } from './PreflightPanel.js';
