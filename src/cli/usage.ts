/** The text `photo-archivist --help` prints, and prints again after a usage mistake. */

export const USAGE = `Usage:
  photo-archivist index <vault> [--json] [--config-dir DIR]
  photo-archivist inspect <file>... [--json]
  photo-archivist target add <vault> --id ID --type webdav|folder --url URL|--path DIR [--name NAME]
                  [--username U] [--password-env VAR | --password-file FILE]
                  [--layout mirror|date] [--medium M] [--offsite] [--concurrency N]
                  [--encrypt [--passphrase-env VAR | --passphrase-file FILE]]
  photo-archivist target add <vault> --id ID --type s3 --endpoint URL --bucket B [--region R]
                  [--prefix P] [--path-style] --access-key-env VAR --secret-key-env VAR
                  [--medium M] [--offsite | --onsite] [--encrypt ...] [...as above]
  photo-archivist target list <vault> [--json]
  photo-archivist target remove <vault> --id ID
  photo-archivist target test <vault> [--id ID]... [--json]
  photo-archivist backup <vault> [--target ID]... [--no-index] [--json]
  photo-archivist verify <vault> [--target ID]... [--deep] [--sample PERCENT] [--json]
  photo-archivist restore <vault> [--target ID] [--missing [--include-offloaded] | --all --into DIR] [--json]
  photo-archivist status <vault> [--json] [--config-dir DIR]
  photo-archivist album create <vault> <name> [--from-folder PATH] [--from DATE] [--to DATE]
                  [--tag TAG]... [--camera WORDS] [--location | --no-location] [--smart] [--json]
  photo-archivist album add <vault> <name> <photo>... [--json]
  photo-archivist album export <vault> <name> --out FILE.zip [--strip-location]
                   [--part-size SIZE] [--no-index] [--json]
  photo-archivist duplicates <vault> [--json] [--no-index] [--keep PHOTO]

index    Index the vault's photo folders (from the plugin's settings, or the defaults)
         and write one note per photo. Exit status 0 even when some files failed;
         they are listed with their reasons.
inspect  Print the normalized metadata of each file, as the index reads it.
target   Keep the backup targets in the plugin's data.json, shared with Obsidian.
         add: a WebDAV server (--url, the remote root folder included), a folder
           (--path, an external drive) or S3-compatible object storage (--endpoint
           without the bucket, --bucket, --prefix for a folder inside it,
           --path-style for most self-hosted gateways). --layout mirror keeps the
           vault's paths (default), date files by date taken (YYYY/MM/). --medium
           (default nas for webdav, external-drive for folder, cloud for s3) and
           --offsite (default for s3; --onsite says otherwise) count for 3-2-1.
           --encrypt: the target only ever sees ciphertext, in rclone's crypt
           format; the passphrase cannot change once the target holds backups.
         Secrets are never stored: add records where each backup run reads them,
         --password-env VAR (default PHOTO_ARCHIVIST_PASSWORD_<ID>, e.g.
         PHOTO_ARCHIVIST_PASSWORD_NAS) or --password-file FILE (one line, chmod 600);
         --access-key-env and --secret-key-env (default PHOTO_ARCHIVIST_ACCESS_KEY_<ID>
         and PHOTO_ARCHIVIST_SECRET_KEY_<ID>); --passphrase-env (default
         PHOTO_ARCHIVIST_PASSPHRASE_<ID>) or --passphrase-file FILE.
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
         which folders are at risk. As of the last index run. Exit status 0.
album    create: a new album note in the albums folder (default Albums), with
           every photo under --from-folder, or the photos a search finds (--from
           and --to take 2024-06-01, 2024-06 or 2024; --tag, repeated, must all
           match; --camera words of the maker and model; --location or
           --no-location). --smart keeps the search in the album, which then
           follows the library at each index run.
         add: photos (vault paths, or paths of files inside the vault) into the
           album of that title or file name, created when there is none. Each
           photo's note links to the album in its albums property.
         Both index first (skip with --no-index). Exit status 1 when a photo is
         not indexed or could not be changed, or the album already exists.
         export: the album as one ZIP archive: its photos in album order
           (originals, byte for byte), its note and an index.html contact sheet.
           --strip-location removes positions and place names from the copies,
           in place; a photo where that cannot be done safely is left out and
           listed. An album over the part size (--part-size, default 4GB, at
           most 4.29GB: ZIP64 is not supported) is split into FILE (part 1 of
           N).zip… beside FILE.zip, each a complete archive with its own
           index.html; a single file larger than a part is left out and listed.
           Written to temporary files, all renamed when all are complete; an
           existing file is never replaced. Indexes first too. Exit status 1
           when the album cannot be exported (no original in the vault).
duplicates  Index first (skip with --no-index), then list groups of identical
         copies (same SHA-256) and of look-alikes (the same picture re-encoded,
         resized or lightly edited: a perceptual hash of a small preview, JPEG
         here; the threshold is the plugin's setting, default 10 of 64 bits),
         and write them to the report note (<notes folder>/Duplicates.md). Hashes
         are cached in the data folder: a second run hashes only new photos.
         --keep PHOTO keeps that photo and moves the rest of its group to the
         vault's .trash folder, their notes' tags, albums and text merged into
         its note first. Exit status 0; 1 when a copy could not be moved.`;
