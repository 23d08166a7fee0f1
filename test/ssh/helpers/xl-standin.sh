#!/bin/sh
# STAND-IN for Xen's `xl` (and `xm`) used by the sshd tests, NOT the real tool:
# it replays outputs captured on a real Xen 4.17 dom0 (test/fixtures/xl-captures)
# and records its argv, NUL-separated, so the tests can check the exact argv
# that arrived on the remote side after ssh and the remote shell.
dir=${XL_STANDIN_DIR:?XL_STANDIN_DIR is not set}
{ printf '%s\0%s\0' "${0##*/}" "$#"; printf '%s\0' "$@"; } >> "$dir/argv.log"
scenario=$(cat "$dir/scenario")
case "$1 $2" in
  "list -l" | "list --long") key=list-long ;;
  *) key=$1 ;;
esac
base="$dir/scenarios/$scenario/$key"
if [ -f "$base.hang" ]; then
  # A dom0 whose toolstack never answers; the test kills this pid when it ends.
  echo $$ >> "$dir/hung.pids"
  exec sleep 60
fi
if [ -f "$base.stdout" ]; then cat "$base.stdout"; fi
if [ -f "$base.stderr" ]; then cat "$base.stderr" >&2; fi
if [ -f "$base.rc" ]; then exit "$(cat "$base.rc")"; fi
exit 0
