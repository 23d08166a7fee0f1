/**
 * The real tools, as the project's tests reach them: the oracles of
 * `shared/oracles` (xl, drbdadm, xmllint with cluster.rng, ifrename) and the
 * reference corpus of `shared/reference`. `shared/` lies next to the main
 * checkout, one level further up from a worktree under /work/wt, or where
 * $XEN_CONFIG_ORACLES (the oracles folder) says. Each is optional: callers
 * skip, saying so, when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageId } from '../../server/src/languages/types';
import { REPO_ROOT } from './fixtures';

const ORACLE_NAMES: Partial<Record<LanguageId, string>> = {
  'xl-config': 'xl-oracle',
  drbd: 'drbd-oracle',
  iftab: 'iftab-oracle',
  'cluster-conf': 'clusterconf-oracle',
};

/** The `shared` folder beside the repository, when there is one. */
export function sharedFolder(): string | undefined {
  const fromEnv = process.env.XEN_CONFIG_ORACLES ? join(process.env.XEN_CONFIG_ORACLES, '..') : undefined;
  return [fromEnv, join(REPO_ROOT, '..', 'shared'), join(REPO_ROOT, '..', '..', 'shared')].find((dir): dir is string => !!dir && existsSync(dir));
}

/** The oracle executable for a language, or undefined (xend-sxp has none; or it is not installed). */
export function oracleFor(id: LanguageId): string | undefined {
  const name = ORACLE_NAMES[id];
  if (!name) return undefined;
  const folders = [process.env.XEN_CONFIG_ORACLES, join(REPO_ROOT, '..', 'shared', 'oracles'), join(REPO_ROOT, '..', '..', 'shared', 'oracles')];
  return folders.map((folder) => folder && join(folder, name)).find((path): path is string => !!path && existsSync(path));
}

export interface OracleVerdict {
  /** Whether the real tool accepts the file (drbd: in at least one dialect). */
  valid: boolean;
  /** What it said, for assertion messages. */
  messages: string[];
}

const cache = new Map<string, OracleReport>();
let scratch: string | undefined;

/** What a real tool printed about a file, and the path it was saved under (which the report names). */
export interface OracleReport {
  /** The oracle's JSON (see shared/oracles/README.md); `{}` when it printed nothing. */
  json: Record<string, unknown>;
  path: string;
}

/** The real tool's full report on `text`, saved under `name` in a scratch folder (cached by content). */
export function oracleReport(oracle: string, text: string, name: string): OracleReport {
  const key = createHash('sha1').update(oracle).update('\0').update(text).digest('hex');
  const known = cache.get(key);
  if (known) return known;
  scratch ??= mkdtempSync(join(tmpdir(), 'oracle-'));
  const folder = join(scratch, key.slice(0, 12));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, text);
  let stdout: string;
  try {
    stdout = execFileSync(oracle, [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (error) {
    // Exit status 1 means "invalid" and still prints the JSON verdict.
    stdout = (error as { stdout?: string }).stdout ?? '';
  }
  const report = { json: JSON.parse(stdout || '{}') as Record<string, unknown>, path };
  cache.set(key, report);
  return report;
}

/** The real tool's verdict on `text`, saved under `name` in a scratch folder (cached by content). */
export function oracleVerdict(oracle: string, text: string, name: string): OracleVerdict {
  type Errors = { message?: string; line?: number | null }[];
  const result = oracleReport(oracle, text, name).json as { valid?: boolean | null; messages?: unknown[]; errors?: Errors; dialects?: Record<string, { errors?: Errors }> };
  const errors = [...(result.errors ?? []), ...Object.values(result.dialects ?? {}).flatMap((d) => d.errors ?? [])];
  const messages = [...errors.map((e) => `${e.line ?? '?'}: ${e.message ?? ''}`), ...(result.messages ?? []).map(String)].slice(0, 6);
  return { valid: result.valid === true, messages };
}
