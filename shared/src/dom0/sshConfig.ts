/**
 * The `Host` entries of an ssh_config file, offered by "Add Host": the names a
 * user already connects to with `ssh NAME`. Patterns (`*`, `?`, `!negated`) are
 * not hosts; `Include` is followed (relative to ~/.ssh, `*` in the file name,
 * at most a few levels deep). Reading never throws: a missing file has no hosts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';

const MAX_INCLUDE_DEPTH = 4;

/** The keyword and arguments of each line (`Keyword value`, `Keyword=value`, quoted arguments). */
function directives(text: string): { keyword: string; args: string[] }[] {
  const found: { keyword: string; args: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z]+)\s*(?:=\s*|\s)(.*)$/.exec(line);
    if (!match) continue;
    const args = [...match[2].matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    found.push({ keyword: match[1].toLowerCase(), args });
  }
  return found;
}

/** Host names of `text` (an ssh_config file's content), in order, without patterns; `include` reads included files. */
export function sshConfigHosts(text: string, include: (pattern: string) => string[] = () => []): string[] {
  const hosts: string[] = [];
  for (const { keyword, args } of directives(text)) {
    if (keyword === 'host') hosts.push(...args.filter((name) => !/[*?!]/.test(name)));
    else if (keyword === 'include') for (const pattern of args) hosts.push(...include(pattern));
  }
  return [...new Set(hosts)];
}

/** Reads `file` (default ~/.ssh/config) and what it includes. */
export function readSshConfigHosts(file = join(homedir(), '.ssh', 'config'), depth = 0): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return sshConfigHosts(text, (pattern) => (depth >= MAX_INCLUDE_DEPTH ? [] : includedFiles(pattern).flatMap((path) => readSshConfigHosts(path, depth + 1))));
}

/** ssh's rule: a relative Include is under ~/.ssh; `~/` is the home directory; `*` and `?` match in the last part. */
function includedFiles(pattern: string): string[] {
  const path = pattern.startsWith('~/') ? join(homedir(), pattern.slice(2)) : isAbsolute(pattern) ? pattern : join(homedir(), '.ssh', pattern);
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path];
  const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return readdirSync(dirname(path))
      .filter((entry) => matcher.test(entry))
      .sort()
      .map((entry) => join(dirname(path), entry));
  } catch {
    return [];
  }
}
