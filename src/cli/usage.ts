/** The text `photo-archivist --help` prints, and prints again after a usage mistake. */

export const USAGE = `Usage:
  photo-archivist index <vault> [--json] [--config-dir DIR]
  photo-archivist inspect <file>... [--json]
  photo-archivist target add <vault> --id ID --type webdav|folder --url URL|--path DIR [--name NAME]
                  [--username U] [--password-env VAR | --password-file FILE]
                  [--layout mirror|date] [--medium M] [--offsite] [--concurrency N]
  photo-archivist target list <vault> [--json]
  photo-archivist target remove <vault> --id ID
  photo-archivist target test <vault> [--id ID]... [--json]
  photo-archivist backup <vault> [--target ID]... [--no-index] [--json]

index    Index the vault's photo folders (from the plugin's settings, or the defaults)
         and write one note per photo. Exit status 0 even when some files failed;
         they are listed with their reasons.
inspect  Print the normalized metadata of each file, as the index reads it.
target   Keep the backup targets in the plugin's data.json, shared with Obsidian.
         add: a WebDAV server (--url, the remote root folder included) or a folder
           (--path, an external drive). --layout mirror keeps the vault's paths
           (default), date files by date taken (YYYY/MM/). --medium (default nas
           for webdav, external-drive for folder) and --offsite count for 3-2-1.
         Passwords are never stored: add records where each backup run reads it,
         --password-env VAR (default PHOTO_ARCHIVIST_PASSWORD_<ID>, e.g.
         PHOTO_ARCHIVIST_PASSWORD_NAS) or --password-file FILE (one line, chmod 600).
         test: reachability, password, write permission and free space.
         Exit status 0 when every check passed, 1 otherwise.
backup   Index first (skip with --no-index; cheap when nothing changed), then upload
         what is new or changed to every enabled target (or each --target), and
         print per target "Up to date" or what failed and why. A progress line is
         shown on a terminal. Ctrl-C cancels; the next run goes on from there.
         Exit status: 0 everything is backed up (a name conflict keeps both files
         and is listed, but is not a failure); 1 a file failed or a target was
         stopped (wrong password, no space, TLS); 2 a usage or settings mistake;
         130 cancelled with Ctrl-C (143 with SIGTERM).`;
