#!/usr/bin/env bash
# Installs the Debian tools the optional test checks use (parity with the real
# parsers, a real sshd). Tests that need a missing tool skip with a message.
set -uo pipefail
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-test-tools: not root or no apt-get; optional checks will skip" >&2
  exit 0
fi

# --- e2e runner (test/e2e/runner, docs/testing-e2e.md) ----------------------------------------
# chromium loads VS Code's workbench headless; ripgrep stands in for the binary @vscode/ripgrep
# would download; libkrb5-dev and a C++ toolchain build code-server's native modules (kerberos,
# argon2) when npm installs it. Unlike the optional checks, `npm run test:e2e` fails without them.
e2e_packages=(chromium ripgrep libkrb5-dev g++ make python3)
e2e_missing=()
for package in "${e2e_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || e2e_missing+=("$package")
done
if [ "${#e2e_missing[@]}" -gt 0 ]; then
  echo "install-test-tools: installing for the e2e runner: ${e2e_missing[*]}"
  apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${e2e_missing[@]}" ||
    echo "install-test-tools: could not install ${e2e_missing[*]}; npm run test:e2e will fail" >&2
fi
# --- end e2e runner ---------------------------------------------------------------------------

# --- dom0 explorer: a real sshd and ssh client for test/ssh (openssh-server, openssh-client) ---
dom0_missing=()
[ -x /usr/sbin/sshd ] || dom0_missing+=(openssh-server)
command -v ssh >/dev/null || dom0_missing+=(openssh-client)
if [ ${#dom0_missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${dom0_missing[@]}"
fi
# --- end dom0 explorer ---

# --- parity with the real parsers: xl (libxlutil), drbdadm, ifrename, xmllint --------------------
# The oracles live beside the project in this workplace (../shared/oracles); elsewhere the parity
# tests skip with a message. setup.sh installs their Debian packages and builds three small helpers.
oracles="$(dirname "$0")/../../shared/oracles/setup.sh"
if [ -f "$oracles" ]; then
  bash "$oracles" >/dev/null 2>&1 || echo "install-test-tools: oracle setup failed; parity tests will skip" >&2
fi
# --- end parity ---
