import { DEFAULT_SETTINGS, Settings } from '../languages/types';

/** The `xenConfig` settings section as a client sends it, validated field by field. */
export function settingsFromClient(section: unknown): Settings {
  const raw = (section ?? {}) as { xen?: Partial<Settings['xen']>; drbd?: Partial<Settings['drbd']> };
  const version = typeof raw.xen?.version === 'string' && /^\d+(\.\d+)*$/.test(raw.xen.version) ? raw.xen.version : DEFAULT_SETTINGS.xen.version;
  const toolstack = raw.xen?.toolstack === 'xm' ? 'xm' : 'xl';
  const dialects: Settings['drbd']['dialect'][] = ['auto', '8.3', '8.4', '9'];
  const dialect = dialects.includes(raw.drbd?.dialect as Settings['drbd']['dialect']) ? (raw.drbd?.dialect as Settings['drbd']['dialect']) : 'auto';
  const utils = raw.drbd?.utilsVersion;
  return { xen: { version, toolstack }, drbd: { dialect, ...(typeof utils === 'string' && /^\d+(\.\d+)*$/.test(utils) ? { utilsVersion: utils } : {}) } };
}
