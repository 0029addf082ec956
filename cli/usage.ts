const LIBRARY = `  --library <dir>   the library folder (default: $COPYDESK_LIBRARY, else the library the app opened last)`;

export const USAGE = {
  main: `Usage: copydesk <command> [options]

Commands:
  list                      list the stories in a library
  export <id…> | --all      export stories as HTML documents, CMS fragments or JSON
  import <story.json…>      import stories exported as JSON into a library
  check <id…> | --all       run preflight on stories (exit 1 when a blocking check fails)

Run "copydesk <command> --help" for a command's options.
Exit status: 0 done, 1 the operation failed (nothing was written), 2 the command line is wrong.`,

  list: `Usage: copydesk list [--json] [--library <dir>]

Lists the stories in the library, most recently edited first: one line per story with
id, last edit (ISO 8601), word count, section and headline, separated by tabs.

  --json            print the list as a JSON array instead
${LIBRARY}`,

  export: `Usage: copydesk export <id…> | --all --out <dir> [--format document|fragment|json] [--library <dir>]

Exports each story into its own folder (named after its slug) inside <dir>, and writes an
index.json manifest there. The library's export settings apply (base URL, time zone, stylesheet,
image mode). Every story is checked before anything is written. Prints "<id><TAB><folder>" per story.

  --all             export every story in the library
  --out <dir>       the folder to export into (created if missing)
  --format <name>   document (index.html, the default), fragment (fragment.html: the <article>
                    alone, for a CMS) or json (story.json and the image, for copydesk import)
${LIBRARY}`,

  import: `Usage: copydesk import <story.json…> [--library <dir>]

Imports stories from story.json files that Copydesk exported (any format writes one), with their
lead images from beside them. Every file is checked before anything is written. An existing story
is never overwritten: a story whose id the library already holds comes in as a copy under a new id,
unless it is identical, when it is left as it is. Creates the library if the folder does not exist.
Prints "<file><TAB><id><TAB>added|copied|unchanged" per file. Refused while the Copydesk app
(or another import) has the library open: two writers never share a library.

${LIBRARY}`,

  check: `Usage: copydesk check <id…> | --all [--json] [--library <dir>]

Runs the app's preflight on each story, with the library's settings (which checks apply, and which
warn or block). Prints one line per problem: "<id><TAB>error|warning<TAB><check><TAB><where><TAB><reason>",
where <where> is a field name or body:<block>:<from>-<to>; a story with no problem prints "<id><TAB>clean".
Exit status: 0 no blocking problem (warnings allowed), 1 a check set to block failed (or a story could
not be read), 2 the command line is wrong.

  --all             check every story in the library
  --json            print a JSON array: per story its id, headline, blocking, and every result
${LIBRARY}`,
} as const;

export type CommandName = Exclude<keyof typeof USAGE, 'main'>;
