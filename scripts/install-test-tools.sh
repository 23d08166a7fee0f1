#!/usr/bin/env bash
# Installs the Debian tools the optional test checks use (parity with the real
# parsers, a real sshd). Tests that need a missing tool skip with a message.
set -uo pipefail
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-test-tools: not root or no apt-get; optional checks will skip" >&2
  exit 0
fi

# --- dom0 explorer: a real sshd and ssh client for test/ssh (openssh-server, openssh-client) ---
dom0_missing=()
[ -x /usr/sbin/sshd ] || dom0_missing+=(openssh-server)
command -v ssh >/dev/null || dom0_missing+=(openssh-client)
if [ ${#dom0_missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${dom0_missing[@]}"
fi
# --- end dom0 explorer ---
