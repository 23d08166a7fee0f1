#!/usr/bin/env bash
# Installs the Debian tools the optional test checks use (parity with the real
# parsers, a real sshd). Tests that need a missing tool skip with a message.
set -uo pipefail
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-test-tools: not root or no apt-get; optional checks will skip" >&2
  exit 0
fi
echo "install-test-tools: nothing extra to install yet"
