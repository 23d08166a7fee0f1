/**
 * Which DRBD files drbdadm reads together, from the workspace's facts: a file
 * and everything its `include`s reach (two levels, as drbd.conf includes
 * drbd.d/*.res); files no workspace file includes, when they share a folder
 * named drbd.d (which drbd.conf conventionally includes whole). Copies of one
 * configuration kept for two nodes (node1/etc/drbd.d/r0.res,
 * node2/etc/drbd.d/r0.res), or side by side in another folder, are not read
 * together.
 */
import { posix } from 'node:path';
import { globToRegExp } from '../../common/glob';
import { pathOfUri } from '../../common/uri';
import type { WorkspaceModel } from '../../workspace/model';

function pathOf(uri: string): string {
  return pathOfUri(uri).replace(/\\/g, '/');
}

function includes(pattern: string, path: string): boolean {
  if (posix.dirname(pattern) !== posix.dirname(path)) return false;
  const base = posix.basename(pattern);
  return /[*?[]/.test(base) ? globToRegExp(base).test(posix.basename(path)) : base === posix.basename(path);
}

/** The DRBD files of the workspace. */
function drbdFiles(model: WorkspaceModel): string[] {
  return [...new Set([...model.drbdResources.map((r) => r.uri), ...model.drbdCommons.map((c) => c.uri), ...model.drbdIncludes.keys()])];
}

/** The URIs the file `uri` includes, directly or through a file it includes, and itself. */
function reach(model: WorkspaceModel, files: string[], uri: string): Set<string> {
  const found = new Set([uri]);
  for (let level = 0; level < 2; level++) {
    for (const from of [...found]) {
      for (const pattern of model.drbdIncludes.get(from) ?? []) {
        for (const other of files) if (includes(pattern, pathOf(other))) found.add(other);
      }
    }
  }
  return found;
}

const REACHES = new WeakMap<WorkspaceModel, Set<string>[]>();

/** What each including file of the workspace reaches (once per model). */
function reaches(model: WorkspaceModel): Set<string>[] {
  let found = REACHES.get(model);
  if (!found) {
    const files = drbdFiles(model);
    found = [...model.drbdIncludes.keys()].map((uri) => reach(model, files, uri));
    REACHES.set(model, found);
  }
  return found;
}

/** True when drbdadm reads the files `a` and `b` as one configuration. */
export function oneConfiguration(model: WorkspaceModel, a: string, b: string): boolean {
  const sets = reaches(model);
  if (sets.some((set) => set.has(a) && set.has(b))) return true;
  const inSome = (uri: string) => sets.some((set) => set.has(uri));
  const folder = posix.dirname(pathOf(a));
  return !inSome(a) && !inSome(b) && posix.basename(folder) === 'drbd.d' && folder === posix.dirname(pathOf(b));
}
