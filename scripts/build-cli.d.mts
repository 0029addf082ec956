/** Builds the CLI bundle (and the export render thread and stylesheet beside it) to `outfile`; resolves to the file written. */
export function buildCli(outfile?: string): Promise<string>;
