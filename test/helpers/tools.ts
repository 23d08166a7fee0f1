import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of `command` on $PATH (or in /usr/sbin, /sbin, where Debian puts cluster tools), or undefined. */
export function onPath(command: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, command)).find((path) => existsSync(path));
}
