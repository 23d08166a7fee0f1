import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS, Settings } from '../languages/types';

/** The `xenConfig` settings section as a client sends it, validated field by field. */
export function settingsFromClient(section: unknown): Settings {
  const raw = (section ?? {}) as { xen?: Partial<Settings['xen']>; drbd?: Partial<Settings['drbd']>; diagnostics?: { maxFileSize?: unknown } };
  const version = typeof raw.xen?.version === 'string' && /^\d+(\.\d+)*$/.test(raw.xen.version) ? raw.xen.version : DEFAULT_SETTINGS.xen.version;
  const toolstack = raw.xen?.toolstack === 'xm' ? 'xm' : 'xl';
  const dialects: Settings['drbd']['dialect'][] = ['auto', '8.3', '8.4', '9'];
  const dialect = dialects.includes(raw.drbd?.dialect as Settings['drbd']['dialect']) ? (raw.drbd?.dialect as Settings['drbd']['dialect']) : 'auto';
  const utils = raw.drbd?.utilsVersion;
  return {
    xen: { version, toolstack },
    drbd: { dialect, ...(typeof utils === 'string' && /^\d+(\.\d+)*$/.test(utils) ? { utilsVersion: utils } : {}) },
    diagnostics: { maxFileSize: maxFileSizeFrom(raw.diagnostics?.maxFileSize) },
  };
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
