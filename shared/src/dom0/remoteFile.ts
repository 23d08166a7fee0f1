/**
 * Reading and saving a file on a dom0: the constant sh scripts and what their
 * answers mean. Contents are bytes from end to end (never decoded here), and
 * every check compares checksums of bytes.
 *
 * A save (SAVE_SCRIPT) on the host, step by step:
 *  1. picks the checksum tool: sha256sum, else md5sum (and says which);
 *  2. resolves a symbolic link to the file it points to, so the link stays a
 *     link and the target gets the new content (a dangling link is refused);
 *  3. refuses if the file is no longer the one opened (its checksum differs);
 *  4. receives the new bytes into a fresh temporary file next to the target
 *     (mktemp: O_EXCL, never through a link);
 *  5. checks their size and checksum against those sent with the command, so
 *     an upload cut short (ssh killed, connection lost) is never installed;
 *  6. gives the temporary file the target's owner and mode (`stat -L`);
 *  7. copies the current version into another fresh temporary file and renames
 *     it onto NAME.bak.YYYYMMDD-HHMMSS[-NNN] (the host's local time): rename(2)
 *     replaces whatever is at that name, a link included, and never writes
 *     through it;
 *  8. unless a cancel arrived meanwhile, renames the new file onto the target
 *     (atomic: a reader sees the old or the new version, never a mix);
 *  9. removes the oldest of those backups beyond the number to keep.
 */
import { createHash } from 'node:crypto';

export type ChecksumAlgorithm = 'sha256' | 'md5';

/** The checksums of some bytes in both algorithms: the host uses whichever tool it has. */
export interface Digests {
  readonly sha256: string;
  readonly md5: string;
}

export function digestsOf(bytes: Uint8Array): Digests {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), md5: createHash('md5').update(bytes).digest('hex') };
}

/** Exit statuses of the read and save scripts; each means "nothing was changed". */
export const FILE_EXIT = {
  notFound: 44,
  danglingLink: 45,
  notRegular: 46,
  changed: 17,
  incomplete: 18,
  refused: 19,
  noChecksumTool: 20,
  cancelled: 25,
} as const;

/** Every exit status by which the save script says the file was left as it was. */
const UNCHANGED_EXITS = new Set([17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);

export const isUnchangedExit = (code: number | null) => code !== null && UNCHANGED_EXITS.has(code);

/**
 * `sh -c READ_SCRIPT xen-dom0-read PATH`: the file's bytes on stdout. Refuses what
 * is not a regular file (a FIFO would block `cat` forever), with exit statuses
 * that do not depend on the host's language.
 */
const READ_SCRIPT = `f=$1
if [ ! -e "$f" ]; then
  if [ -L "$f" ]; then printf '%s is a symbolic link to a file that does not exist\\n' "$f" >&2; exit ${FILE_EXIT.danglingLink}; fi
  printf 'No such file: %s\\n' "$f" >&2; exit ${FILE_EXIT.notFound}
fi
if [ ! -f "$f" ]; then printf '%s is not a regular file\\n' "$f" >&2; exit ${FILE_EXIT.notRegular}; fi
exec cat -- "$f"`;

export function readFileArgv(path: string): string[] {
  return ['sh', '-c', READ_SCRIPT, 'xen-dom0-read', path];
}

/**
 * `sh -c STAT_SCRIPT xen-dom0-stat PATH`: `SIZE MTIME` (bytes, seconds) of the
 * file, through a link, with the read script's checks and exit statuses. The
 * editor compares these before each save, so they must be the host's, read now.
 */
const STAT_SCRIPT = READ_SCRIPT.replace('exec cat -- "$f"', "exec stat -L -c '%s %Y' -- \"$f\"");

export function statFileArgv(path: string): string[] {
  return ['sh', '-c', STAT_SCRIPT, 'xen-dom0-stat', path];
}

/** Reads the stat script's answer; undefined when it is not `SIZE MTIME`. */
export function parseStat(stdout: string): { size: number; mtimeMs: number } | undefined {
  const match = /^(\d+) (\d+)\n?$/.exec(stdout);
  return match ? { size: Number(match[1]), mtimeMs: Number(match[2]) * 1000 } : undefined;
}

/** Resolves $f into $real, and $dir, the directory of the real file (shared by the save and the probe). */
const RESOLVE = `if [ -L "$f" ]; then
  real=$(readlink -f -- "$f" 2>/dev/null) || real=
else
  real=$f
fi`;

/** Removes what a save killed with SIGKILL may have left (older than an hour, our names only). */
const SWEEP = `find "$dir" -maxdepth 1 \\( -name '.xen-dom0-save.*' -o -name '.xen-dom0-bak.*' \\) -type f -mmin +60 -exec rm -f -- {} + 2>/dev/null
find "$dir" -maxdepth 1 -name '.xen-dom0-cancel.*' -type d -mmin +60 -exec rmdir -- {} + 2>/dev/null`;

const SAVE_SCRIPT = `f=$1; size=$2; new_sha256=$3; new_md5=$4; old_sha256=$5; old_md5=$6; token=$7; keep=$8
fail() { code=$1; shift; printf 'xen-dom0-save: %s\\n' "$*" >&2; exit "$code"; }
trap '' PIPE
if command -v sha256sum >/dev/null 2>&1; then algo=sha256; new=$new_sha256; old=$old_sha256
elif command -v md5sum >/dev/null 2>&1; then algo=md5; new=$new_md5; old=$old_md5
else fail 20 "neither sha256sum nor md5sum is on the host, so the upload could not be verified: nothing was saved"; fi
sum() { "\${algo}sum" < "$1" | cut -d' ' -f1; }
${RESOLVE}
[ -n "$real" ] || fail 19 "$f is a symbolic link that cannot be resolved: nothing was saved"
if [ -L "$f" ] && [ ! -e "$real" ]; then fail 19 "$f is a symbolic link to $real, which does not exist: nothing was saved"; fi
if [ -e "$real" ] && [ ! -f "$real" ]; then fail 19 "$real is not a regular file: nothing was saved"; fi
if [ -e "$real" ]; then
  [ -r "$real" ] || fail 19 "cannot read $real: nothing was saved"
  current=$(sum "$real")
else
  current=-
fi
[ "$current" = "$old" ] || fail 17 "changed on the host since it was opened: nothing was saved"
dir=$(dirname -- "$real")
${SWEEP}
tmp=$(mktemp "$dir/.xen-dom0-save.$token.XXXXXX") || fail 21 "cannot create a temporary file in $dir: nothing was saved"
bak=
cleanup() { rm -f -- \${tmp:+"$tmp"} \${bak:+"$bak"}; rmdir -- "$dir/.xen-dom0-cancel.$token" 2>/dev/null; }
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
cat > "$tmp" || fail 22 "writing the new version into $dir failed (disk full?): $real is unchanged"
got=$(wc -c < "$tmp" | tr -d ' ')
[ "$got" = "$size" ] || fail 18 "the upload is incomplete ($got of $size bytes arrived): $real is unchanged"
[ "$(sum "$tmp")" = "$new" ] || fail 18 "the upload arrived damaged (its $algo checksum differs from the one sent): $real is unchanged"
if [ -e "$real" ]; then
  owner=$(stat -L -c %u:%g -- "$real") && mode=$(stat -L -c %a -- "$real") || fail 23 "cannot read the owner and mode of $real: nothing was saved"
  chown -- "$owner" "$tmp" 2>/dev/null || fail 23 "cannot give the new version the owner $owner of $real (connect as root): nothing was saved"
  chmod -- "$mode" "$tmp" || fail 23 "cannot give the new version the mode $mode of $real: nothing was saved"
  if [ "$keep" -gt 0 ]; then
    bak=$(mktemp "$dir/.xen-dom0-bak.$token.XXXXXX") || fail 24 "cannot create the backup in $dir: nothing was saved"
    cp -p -- "$real" "$bak" || fail 24 "cannot copy $real for the backup: nothing was saved"
    stamp=$(date +%Y%m%d-%H%M%S) && [ -n "$stamp" ] || fail 24 "cannot read the time for the backup's name: nothing was saved"
    backup="$real.bak.$stamp"
    # Several saves in one second: -001, -002, … after the time, one more than the highest there
    # (never a name the rotation freed: that would sort before the older ones and be removed first).
    last=
    for b in "$backup" "$backup"-[0-9][0-9][0-9]; do
      if [ -e "$b" ] || [ -L "$b" ]; then last=$b; fi
    done
    if [ "$last" = "$backup" ]; then backup="$backup-001"
    elif [ -n "$last" ]; then backup="$backup-$(printf %03d "$(expr "\${last##*-}" + 1)")"; fi
  fi
fi
[ ! -e "$dir/.xen-dom0-cancel.$token" ] || fail 25 "cancelled before the new version was installed: $real is unchanged"
if [ -n "$bak" ]; then
  mv -fT -- "$bak" "$backup" || fail 24 "cannot create the backup $backup: nothing was saved"
  bak=
fi
mv -fT -- "$tmp" "$real" || fail 26 "cannot rename the new version onto $real: it is unchanged"
tmp=
# Keep the newest $keep backups; the glob sorts oldest first (the names carry the time).
set -- "$real".bak.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]*
if [ -e "$1" ] || [ -L "$1" ]; then
  while [ "$#" -gt "$keep" ]; do rm -f -- "$1"; shift; done
fi
printf 'saved %s\\n%s' "$algo" "$real"`;

export interface SaveRequest {
  readonly path: string;
  readonly content: Uint8Array;
  /** The checksums of the file as it was read; undefined: it must not exist yet. */
  readonly expected: Digests | undefined;
  /** Random hex naming this save's temporary files and its cancel marker. */
  readonly token: string;
  /** Timestamped backups kept next to the file (0: none). */
  readonly backups: number;
}

/** `sh -c SAVE_SCRIPT xen-dom0-save PATH SIZE SHA256 MD5 OLD_SHA256 OLD_MD5 TOKEN KEEP`; the content goes to stdin. */
export function saveFileArgv(request: SaveRequest): string[] {
  if (!/^[0-9a-f]+$/.test(request.token)) throw new Error('the save token must be hex');
  const next = digestsOf(request.content);
  return ['sh', '-c', SAVE_SCRIPT, 'xen-dom0-save', request.path, String(request.content.byteLength), next.sha256, next.md5, request.expected?.sha256 ?? '-', request.expected?.md5 ?? '-', request.token, String(Math.max(0, Math.floor(request.backups)))];
}

/** What the save script printed on success: the algorithm that verified the upload and the file written. */
export function parseSaved(stdout: string): { algorithm: ChecksumAlgorithm; savedTo: string } | undefined {
  const match = /^saved (sha256|md5)\n([\s\S]*)$/.exec(stdout);
  return match ? { algorithm: match[1] as ChecksumAlgorithm, savedTo: match[2] } : undefined;
}

/**
 * `sh -c PROBE_SCRIPT xen-dom0-probe PATH TOKEN`, after a save whose answer was
 * lost (cancelled, timed out, connection broken): first leaves the cancel marker,
 * so that a save still on its way stops before it installs anything; then waits
 * (at least 1 s, at most about 11 s) while that save's temporary file exists;
 * then prints `done` (and removes the marker) or `running` (the marker stays
 * until that save ends), and the checksum of the file as it is now (or `missing`).
 */
const PROBE_SCRIPT = `f=$1; token=$2
${RESOLVE}
[ -n "$real" ] || real=$f
dir=$(dirname -- "$real")
marker="$dir/.xen-dom0-cancel.$token"
mkdir -- "$marker" 2>/dev/null
pending() { set -- "$dir"/.xen-dom0-save."$token".*; [ -e "$1" ]; }
# At least a second, so that a save that is only starting shows its temporary file.
i=0
while [ $i -lt 5 ] || { pending && [ $i -lt 55 ]; }; do sleep 0.2 2>/dev/null || sleep 1; i=$((i + 1)); done
if pending; then echo running; else rmdir -- "$marker" 2>/dev/null; echo done; fi
if [ ! -e "$real" ]; then echo missing
elif command -v sha256sum >/dev/null 2>&1; then printf 'sha256 %s\\n' "$(sha256sum < "$real" | cut -d' ' -f1)"
else printf 'md5 %s\\n' "$(md5sum < "$real" | cut -d' ' -f1)"; fi`;

export function probeArgv(path: string, token: string): string[] {
  return ['sh', '-c', PROBE_SCRIPT, 'xen-dom0-probe', path, token];
}

/** Where a save whose answer was lost left the file. */
export type HostFileState = 'old' | 'new' | 'other' | 'running' | 'unknown';

export function parseProbe(stdout: string, expected: Digests | undefined, content: Uint8Array): HostFileState {
  const [progress, found] = stdout.split('\n');
  if (progress === 'running') return 'running';
  if (progress !== 'done' || found === undefined) return 'unknown';
  if (found === 'missing') return expected === undefined ? 'old' : 'other';
  const match = /^(sha256|md5) ([0-9a-f]+)$/.exec(found);
  if (!match) return 'unknown';
  const algorithm = match[1] as ChecksumAlgorithm;
  if (match[2] === digestsOf(content)[algorithm]) return 'new';
  if (expected && match[2] === expected[algorithm]) return 'old';
  return 'other';
}

/**
 * The encoding VS Code should decode a file with so that saving gives back the
 * same bytes: UTF-8 (with its byte order mark if it has one) when the bytes are
 * valid UTF-8, else ISO 8859-1, which maps each of the 256 byte values to one
 * character and back. (Decoded as UTF-8, a Latin-1 "é" becomes U+FFFD and is
 * written back as EF BF BD.) Named explicitly, so that a user's files.encoding
 * such as windows1252, which has holes, never applies to these files.
 */
export function losslessEncoding(bytes: Uint8Array): 'utf8' | 'utf8bom' | 'iso88591' {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return 'iso88591';
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf8bom' : 'utf8';
}
