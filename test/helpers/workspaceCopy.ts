/** A throwaway copy of examples/ with chosen edits, for cross-file tests through LSP and the CLI. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface WorkspaceCopy {
  root: string;
  path(relative: string): string;
  uri(relative: string): string;
  read(relative: string): string;
  remove(): void;
}

/** Copies examples/ and applies `edits`: relative path → [text to find, replacement] pairs (each must match once). */
export function copyExamples(edits: Record<string, [string, string][]> = {}): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), 'xcc-ws-'));
  cpSync(join(REPO_ROOT, 'examples'), root, { recursive: true });
  for (const [relative, replacements] of Object.entries(edits)) {
    const file = join(root, relative);
    let text = readFileSync(file, 'utf8');
    for (const [find, replace] of replacements) {
      if (text.split(find).length !== 2) throw new Error(`${relative}: '${find}' must occur exactly once`);
      text = text.replace(find, replace);
    }
    writeFileSync(file, text);
  }
  return {
    root,
    path: (relative) => join(root, relative),
    uri: (relative) => `file://${join(root, relative)}`,
    read: (relative) => readFileSync(join(root, relative), 'utf8'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Each cross-file mistake of issue 8, seeded into a copy of the clean example workspace. */
export const SEEDED_MISTAKES: Record<string, [string, string][]> = {
  // vm02-db takes vm01-web's first MAC.
  'etc/xen/vm02-db.cfg': [["mac=00:16:3e:00:01:02", "mac=00:16:3e:00:01:01"]],
  // The iftab swaps the two names.
  'guests/vm01-web/etc/iftab': [
    ['eth0 mac 00:16:3e:00:01:01', 'eth1 mac 00:16:3e:00:01:01'],
    ['eth1 mac 00:16:3e:00:02:01', 'eth0 mac 00:16:3e:00:02:01'],
  ],
  // DRBD names the first node by its short name, which is not what the cluster (and uname -n) calls it.
  'etc/drbd.d/r0.res': [['on an-node01.alteeve.com {', 'on an-node01 {']],
  // rgmanager manages a third vm that has no config.
  'etc/cluster/cluster.conf': [['<vm name="vm02-db"', '<vm name="vm03-app" domain="primary_n02" path="/etc/xen" autostart="0"/>\n        <vm name="vm02-db"']],
};
