/** The main window's title: the library open now, then the app ("Newsroom — Copydesk"). */
export function libraryWindowTitle(libraryName: string): string {
  return libraryName ? `${libraryName} — Copydesk` : 'Copydesk';
}
