import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export interface HtmlProblem {
  file: string;
  line?: number;
  message: string;
}

/**
 * Runs the W3C Nu HTML checker (vnu.jar on the machine's Java) once over all the files and returns its errors.
 * One call for many files: each start of the checker costs about two seconds.
 */
export async function checkHtmlFiles(files: string[]): Promise<HtmlProblem[]> {
  if (!files.length) throw new Error('checkHtmlFiles needs at least one file.');
  let stderr: string;
  try {
    ({ stderr } = await run('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('Java is not installed: the HTML checker needs it (apt-get install -y default-jre-headless).');
    throw error;
  }
  const report = JSON.parse(stderr) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
  return report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({ file: decodeURIComponent((message.url ?? '').replace(/^file:/, '')), line: message.lastLine, message: message.message }));
}
