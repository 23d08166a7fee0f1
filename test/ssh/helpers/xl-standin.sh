#!/bin/sh
# STAND-IN for Xen's `xl` (and `xm`) used by the sshd tests, NOT the real tool:
# it replays outputs captured on a real Xen 4.17 dom0 (test/fixtures/xl-captures)
# and records its argv, NUL-separated, so the tests can check the exact argv
# that arrived on the remote side after ssh and the remote shell.
#
# When the scenario has a `domains` file ("ID NAME" per line), the stand-in also
# resolves the domain argument of an action the way the real tools do, and logs
# "PROGRAM ACTION ID NAME" of the domain it would act on to acted.log:
#   xl (libxl_domain_qualifier_to_domid): an argument of only digits IS a domid;
#      anything else is looked up as a name;
#   xm (xend's domain_lookup_nr): a name first, an id only if no name matches.
# `xl domname ID` and `xm domid NAME` answer from the same table.
dir=${XL_STANDIN_DIR:?XL_STANDIN_DIR is not set}
{ printf '%s\0%s\0' "${0##*/}" "$#"; printf '%s\0' "$@"; } >> "$dir/argv.log"
program=${0##*/}
scenario=$(cat "$dir/scenario")
case "$1 $2" in
  "list -l" | "list --long") key=list-long ;;
  *) key=$1 ;;
esac
base="$dir/scenarios/$scenario/$key"
table="$dir/scenarios/$scenario/domains"

name_of() { # ID -> NAME (exit 1 if none)
  while IFS= read -r line; do
    if [ "${line%% *}" = "$1" ]; then printf '%s\n' "${line#* }"; return 0; fi
  done < "$table"
  return 1
}
id_of() { # NAME -> ID (exit 1 if none)
  while IFS= read -r line; do
    if [ "${line#* }" = "$1" ]; then printf '%s\n' "${line%% *}"; return 0; fi
  done < "$table"
  return 1
}
all_digits() { case $1 in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

if [ -f "$table" ]; then
  action=$1; shift
  case $action in
    domname)
      # xend resolves the argument as a name first, xl as a number.
      if [ "$program" = xm ] && id_of "$1" >/dev/null; then printf '%s\n' "$1"; exit 0; fi
      if ! all_digits "$1"; then echo "Invalid domain id." >&2; exit 1; fi
      if n=$(name_of "$1"); then printf '%s\n' "$n"; exit 0; fi
      echo "Can't get domain name of domain id '$1', maybe this domain does not exist." >&2; exit 1 ;;
    domid)
      if i=$(id_of "$1"); then printf '%s\n' "$i"; exit 0; fi
      if [ "$program" = xm ] && all_digits "$1" && name_of "$1" >/dev/null; then printf '%s\n' "$1"; exit 0; fi
      echo "Can't get domid of domain name '$1', maybe this domain does not exist." >&2; exit 1 ;;
    destroy | pause | unpause | shutdown | reboot | console | migrate)
      domain=
      while [ $# -gt 0 ]; do
        case $1 in
          --) shift; domain=$1; break ;;
          -s | -t | -n) shift 2 ;;
          -*) if [ "$program" = xm ] && { [ "$action" = destroy ] || [ "$action" = pause ] || [ "$action" = unpause ]; }; then domain=$1; break; fi; shift ;;
          *) domain=$1; break ;;
        esac
      done
      if [ "$program" = xl ] && all_digits "$domain"; then
        id=$domain; name=$(name_of "$id") || { echo "$domain is an invalid domain identifier (rc=-6)" >&2; exit 1; }
      elif id=$(id_of "$domain"); then
        name=$domain
      elif [ "$program" = xm ] && all_digits "$domain" && name=$(name_of "$domain"); then
        id=$domain
      else
        echo "$domain is an invalid domain identifier (rc=-6)" >&2; exit 1
      fi
      printf '%s %s %s %s\n' "$program" "$action" "$id" "$name" >> "$dir/acted.log" ;;
  esac
fi

if [ -f "$base.delay" ]; then sleep "$(cat "$base.delay")"; fi
if [ -f "$base.then" ]; then
  # The state the call leaves behind: the scenario the NEXT calls see (a pause that
  # took effect, a guest that is still shutting down, then gone).
  cat "$base.then" > "$dir/scenario"
fi
if [ -f "$base.hang" ]; then
  # A dom0 whose toolstack never answers; the test kills this pid when it ends.
  echo $$ >> "$dir/hung.pids"
  exec sleep 60
fi
if [ -f "$base.flood" ]; then
  # A toolstack that prints without end (the test's output limit must stop it).
  echo $$ >> "$dir/hung.pids"
  exec yes 'xl is printing far too much'
fi
if [ -f "$base.stdout" ]; then cat "$base.stdout"; fi
if [ -f "$base.stderr" ]; then cat "$base.stderr" >&2; fi
if [ -f "$base.rc" ]; then exit "$(cat "$base.rc")"; fi
exit 0
