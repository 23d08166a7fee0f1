import type { Settings } from '../types';
import type { Token } from './lexer';
import type { Dialect } from './schema';
import { DrbdDocument, walk } from './parse';

export interface DialectChoice {
  dialect: Dialect;
  /** Why: the setting, or the token that gave the dialect away (absent for the default). */
  reason: 'setting' | 'default' | Token;
}

/** Section names and options only one dialect family writes. */
const MARKERS_9 = new Set(['connection', 'connection-mesh', 'node-id', 'quorum', 'on-no-quorum', 'auto-promote', 'tls', 'transport']);
const MARKERS_84 = new Set(['volume', 'options', 'resync-rate', 'resync-after', 'disk-barrier', 'disk-flushes', 'disk-drain', 'md-flushes', 'al-updates']);
const MARKERS_83 = new Set(['syncer', 'no-disk-barrier', 'no-disk-flushes', 'no-disk-drain', 'no-md-flushes', 'use-bmbv', 'no-tcp-cork']);

/**
 * The dialect a file is written in: the `drbd.dialect` setting when it is not
 * 'auto', else the newest dialect whose marks the file carries (`node-id`,
 * `connection` → 9; `volume`, `device … minor N`, `resync-rate` → 8.4;
 * `syncer` → 8.3), else 8.4, what drbd-utils reads when unsure.
 */
export function detectDialect(doc: DrbdDocument, settings: Settings): DialectChoice {
  if (settings.drbd.dialect !== 'auto') return { dialect: settings.drbd.dialect, reason: 'setting' };
  let found84: Token | undefined;
  let found83: Token | undefined;
  for (const node of walk(doc.root)) {
    const keyword = node.keyword;
    if (!keyword) continue;
    const word = keyword.value;
    if (MARKERS_9.has(word)) return { dialect: '9', reason: keyword };
    const minorForm = node.kind === 'option' && word === 'device' && node.args.some((a) => a.value === 'minor');
    if (!found84 && (MARKERS_84.has(word) || minorForm)) found84 = keyword;
    if (!found83 && MARKERS_83.has(word)) found83 = keyword;
  }
  if (found84) return { dialect: '8.4', reason: found84 };
  if (found83) return { dialect: '8.3', reason: found83 };
  return { dialect: '8.4', reason: 'default' };
}

export function describeDialectChoice(choice: DialectChoice): string {
  if (choice.reason === 'setting') return `DRBD ${choice.dialect} (from the drbd.dialect setting)`;
  if (choice.reason === 'default') return `DRBD ${choice.dialect} (nothing in the file says otherwise)`;
  return `DRBD ${choice.dialect} (detected from '${choice.reason.text}' on line ${choice.reason.line + 1})`;
}
