import { z } from 'zod';
import { USER_NAME_MAX } from './story.js';

/** A library the user opened before: an opaque id (the renderer never sees a library's path) and its name. */
export const RecentLibrarySchema = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/), name: z.string() });
export type RecentLibrary = z.infer<typeof RecentLibrarySchema>;

/** The app's own preferences (not a library's): who the user is, and the libraries they opened, newest first. */
export const PreferencesSchema = z.object({
  userName: z.string(),
  /** At most 10; the first is the library open now. */
  recentLibraries: z.array(RecentLibrarySchema),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The user name recorded with status changes, notes and saves: one line. */
export const UserNameInputSchema = z
  .string()
  .transform((name) => name.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(USER_NAME_MAX, `A name is at most ${USER_NAME_MAX} characters.`));
