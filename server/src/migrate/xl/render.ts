/** Writes evaluated values in xl's syntax (libxlu: C-escaped strings, whole numbers, lists). */
import type { Value } from '../../languages/xl-config/ast';
import type { PyValue } from './evaluate';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** `value` as an xl literal; strings in `quote` (double quotes unless the original used single ones). */
export function renderValue(value: PyValue, quote = '"'): string {
  switch (value.kind) {
    case 'string': {
      const q = quote === "'" ? "'" : '"';
      return q + value.value.replace(/[\\\n\t\r"']/g, (c) => (c === q ? `\\${c}` : (ESCAPES[c] ?? c))) + q;
    }
    case 'number':
      return Number.isInteger(value.value) ? String(value.value) : `"${value.value}"`;
    case 'bool':
      return value.value ? '1' : '0';
    case 'none':
      return '""';
    case 'list':
    case 'tuple':
      return value.items.length === 0 ? '[ ]' : `[ ${value.items.map((item) => renderValue(item, quote)).join(', ')} ]`;
  }
}

export function renderSetting(key: string, value: PyValue): string {
  return `${key} = ${renderValue(value)}`;
}

/** True when the xl literal `written` already holds `wanted` (a number written as a string counts as changed). */
export function sameValue(written: Value, wanted: PyValue): boolean {
  if (written.kind === 'string') return wanted.kind === 'string' && wanted.value === written.value;
  if (written.kind === 'number') return wanted.kind === 'number' && Number(written.raw) === wanted.value && /^\d+$/.test(written.raw);
  if (wanted.kind !== 'list' && wanted.kind !== 'tuple') return false;
  return written.items.length === wanted.items.length && written.items.every((item, i) => sameValue(item, wanted.items[i]));
}
