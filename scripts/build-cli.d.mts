/** Builds the CLI bundle (and the export stylesheet beside it) to `outfile`; resolves to the file written. */
export function buildCli(outfile?: string): Promise<string>;
