/**
 * The one remote script of a host check, and the argv that runs it. The script
 * is a constant: the marker nonce, the kind of check and the file's name reach
 * it as quoted positional arguments ($1 $2 $3), and the file's content arrives
 * on stdin, so nothing from a file, a setting or a name is ever spliced into
 * shell text.
 *
 * On the host, step by step:
 *  1. `mktemp -d` makes a private directory (mode 0700, umask 077) under
 *     $TMPDIR or /tmp; a trap removes it on every exit, also on failure or a
 *     signal (HUP, INT, TERM: ssh killed, connection lost);
 *  2. the content is copied from stdin into `DIR/file/NAME` (NAME is checked
 *     again here: only letters, digits and `._+-`, never `.` or `..`);
 *  3. the format's validator runs there, with stdin from /dev/null, its stdout
 *     and stderr into `DIR/stdout` and `DIR/stderr`, in `DIR/file` as its
 *     working directory;
 *  4. the script prints, between marker lines carrying the nonce, which tool
 *     ran, its exit status, its stdout and its stderr; or which tools are
 *     missing; then the trap removes DIR.
 * Nothing in /etc is read or written by the script.
 */

/** What a host can check, and the language each comes from. */
export type HostCheckKind = 'domain' | 'drbd' | 'cluster' | 'iftab';

/** `effective`: the domain config as `xl -N create` builds it (its JSON on stdout). */
export type HostScriptKind = HostCheckKind | 'effective';

const KIND_OF_LANGUAGE: Readonly<Record<string, HostCheckKind>> = {
  'xl-config': 'domain',
  drbd: 'drbd',
  'cluster-conf': 'cluster',
  iftab: 'iftab',
};

/** The host check for a language id; undefined where no host tool checks that format (xend-config.sxp). */
export function hostCheckKind(languageId: string): HostCheckKind | undefined {
  return KIND_OF_LANGUAGE[languageId];
}

/** The cluster.conf schema where RHCS installs it. */
export const CLUSTER_RNG = '/usr/share/cluster/cluster.rng';

export const HOST_CHECK_SCRIPT = `mark="@@xcc-host-check-$1"; kind=$2; name=$3
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
LC_ALL=C; export LC_ALL
umask 077
case $name in
  ''|.|..|*[!A-Za-z0-9._+-]*) name=config ;;
esac
fail() { printf '%s failed %s@@\\n' "$mark" "$*"; exit 70; }
dir=$(mktemp -d "\${TMPDIR:-/tmp}/xcc-host-check.XXXXXX") || fail "mktemp -d could not make a temporary directory"
trap 'rm -rf -- "$dir"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
mkdir -- "$dir/file" || fail "could not make a directory in $dir"
file=$dir/file/$name
cat > "$file" || fail "could not copy the file into $dir"
cd -- "$dir/file" || fail "could not enter $dir/file"
printf '%s file %s@@\\n' "$mark" "$file"
has() { command -v "$1" >/dev/null 2>&1; }
missing() { printf '%s missing %s@@\\n' "$mark" "$*"; }
run() {
  tool=$1; shift
  "$@" </dev/null >"$dir/stdout" 2>"$dir/stderr"
  rc=$?
  printf '%s tool %s %s@@\\n' "$mark" "$tool" "$rc"
  printf '%s stdout@@\\n' "$mark"; cat -- "$dir/stdout"
  printf '\\n%s stderr@@\\n' "$mark"; cat -- "$dir/stderr"
  printf '\\n%s end@@\\n' "$mark"
}
case $kind in
  effective)
    if has xl; then run xl xl -N create "$file"; else missing xl; fi ;;
  domain)
    if has xl; then run xl xl -N create "$file"
    elif has xm; then run xm xm create --dryrun "$file"
    else missing xl xm; fi ;;
  drbd)
    if has drbdadm; then run drbdadm drbdadm -d -c "$file" dump all; else missing drbdadm; fi ;;
  cluster)
    if has ccs_config_validate; then run ccs_config_validate ccs_config_validate -f "$file"
    elif has xmllint && [ -f ${CLUSTER_RNG} ]; then run xmllint xmllint --noout --nonet --relaxng ${CLUSTER_RNG} "$file"
    else missing ccs_config_validate "xmllint with ${CLUSTER_RNG}"; fi ;;
  iftab)
    if has ifrename; then run ifrename ifrename -D -c "$file"; else missing ifrename; fi ;;
  *) fail "unknown kind of check" ;;
esac
`;

/** The name the copy gets on the host: the local base name, reduced to characters that need no care anywhere. */
export function remoteFileName(localPath: string): string {
  const base = localPath.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[^A-Za-z0-9._+-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? 'config' : safe;
}

/** `sh -c HOST_CHECK_SCRIPT xcc-host-check NONCE KIND NAME`; the file's content goes to stdin. */
export function hostCheckArgv(kind: HostScriptKind, remoteName: string, nonce: string): string[] {
  if (!/^[0-9a-f]+$/.test(nonce)) throw new Error('the host check nonce must be hex');
  return ['sh', '-c', HOST_CHECK_SCRIPT, 'xcc-host-check', nonce, kind, remoteName];
}

/**
 * The first line of a DRBD file with an `include` statement, if any. drbdadm
 * would read the included files on the host (`/etc/drbd.d/*.res`), and the
 * host check reads nothing in /etc, so such a file is not sent.
 */
export function drbdIncludeLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i].split('#', 1)[0];
    if (/(^|[;{}\s])include\s/.test(code)) return i + 1;
  }
  return undefined;
}

/** What the Output channel and `--verbose` show instead of the whole script. */
export function describeHostCheck(kind: HostScriptKind, remoteName: string): string {
  return `<host check: ${kind} of ${remoteName} in a mktemp -d directory>`;
}
