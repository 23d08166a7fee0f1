import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS, SeverityOverrides, Settings } from '../languages/types';

/** The `xenConfig` settings section as a client sends it, validated field by field. */
export function settingsFromClient(section: unknown): Settings {
  const raw = (section ?? {}) as { xen?: Partial<Settings['xen']>; drbd?: Partial<Settings['drbd']>; diagnostics?: { maxFileSize?: unknown; severity?: unknown } };
  const version = typeof raw.xen?.version === 'string' && /^\d+(\.\d+)*$/.test(raw.xen.version) ? raw.xen.version : DEFAULT_SETTINGS.xen.version;
  const toolstack = raw.xen?.toolstack === 'xm' ? 'xm' : 'xl';
  const dialects: Settings['drbd']['dialect'][] = ['auto', '8.3', '8.4', '9'];
  const dialect = dialects.includes(raw.drbd?.dialect as Settings['drbd']['dialect']) ? (raw.drbd?.dialect as Settings['drbd']['dialect']) : 'auto';
  const utils = raw.drbd?.utilsVersion;
  return {
    xen: { version, toolstack },
    drbd: { dialect, ...(typeof utils === 'string' && /^\d+(\.\d+)*$/.test(utils) ? { utilsVersion: utils } : {}) },
    diagnostics: { maxFileSize: maxFileSizeFrom(raw.diagnostics?.maxFileSize), ...severitiesFrom(raw.diagnostics?.severity) },
  };
}

const LEVELS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * `xenConfig.diagnostics.severity`: `{ "CODE": "error|warning|info|hint|off" }`.
 * An entry with any other level is left out (the JSON schema in package.json
 * flags it in settings.json); a code that is no code of ours changes nothing.
 */
function severitiesFrom(value: unknown): { severity?: SeverityOverrides } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const entries = Object.entries(value).filter(([, level]) => typeof level === 'string' && LEVELS.has(level));
  return entries.length > 0 ? { severity: Object.fromEntries(entries) as SeverityOverrides } : {};
}

/** `xenConfig.diagnostics.maxFileSize`: a whole number of bytes, 0 for no limit; anything else is the default. */
function maxFileSizeFrom(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_MAX_FILE_SIZE;
}

/**
 * One document's settings over the workspace's (`xenConfig/documentSettings`), validated as the
 * section is: a field that is not valid is left out, so the workspace's value stands for it.
 */
export function documentSettingsFromClient(raw: unknown): { xen?: Partial<Settings['xen']> } | undefined {
  const xen = (raw as { xen?: { version?: unknown; toolstack?: unknown } } | null | undefined)?.xen;
  if (!xen || typeof xen !== 'object') return undefined;
  const override: Partial<Settings['xen']> = {
    ...(typeof xen.version === 'string' && /^\d+(\.\d+)*$/.test(xen.version) ? { version: xen.version } : {}),
    ...(xen.toolstack === 'xl' || xen.toolstack === 'xm' ? { toolstack: xen.toolstack } : {}),
  };
  return Object.keys(override).length > 0 ? { xen: override } : undefined;
}
