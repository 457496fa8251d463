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
  photo-archivist verify <vault> [--target ID]... [--deep] [--sample PERCENT] [--json]
  photo-archivist restore <vault> [--target ID] [--missing [--include-offloaded] | --all --into DIR] [--json]
  photo-archivist status <vault> [--json] [--config-dir DIR]

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
         130 cancelled with Ctrl-C (143 with SIGTERM).
verify   Check the copies on every enabled target (or each --target) against what
         was uploaded: quick by default (one listing per folder: every copy there
         with its size), --deep reads every copy back and compares its SHA-256,
         --sample PERCENT (implies --deep) reads that share this run and the next
         share the run after, so every copy is read over successive runs. A copy
         missing or damaged is marked in the manifest and the photo's note and is
         uploaded again by the next backup (beside a damaged file, never over it).
         Files on the target that are not ours are listed, never deleted.
         Exit status 0 all in order; 1 a copy missing or damaged, or a copy or
         target that could not be checked; 2 a usage mistake; 130 on Ctrl-C.
restore  --missing (the default): put back every original gone from the vault,
         from the most recently verified copy on any target (or --target), each
         checked by SHA-256; originals removed by "Free up space" only with
         --include-offloaded. --all --into DIR: rebuild the library of --target
         in DIR from its manifest (the target's own copy on a new machine), at
         the photos' vault paths. Nothing is ever overwritten: a different file
         already there is kept and listed. Exit status 1 when a file failed or
         was kept, 130 when cancelled.
status   Whether the photos are safe: per target what is backed up, pending and
         failed, the last run and verification, free space when the target
         reports it; for the library how many photos meet 3-2-1 (3 copies
         counting the vault's, on 2 media, 1 offsite), have only one copy, and
         which folders are at risk. As of the last index run. Exit status 0.`;
