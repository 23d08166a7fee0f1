import { lastSetting, scalarText, Setting, XlDocument } from './ast';
import type { GuestType } from './schema';

export interface GuestTypeInfo {
  type: GuestType;
  /** The setting that decided it (`type`, `builder` or the old `pvh`), if any. */
  decidedBy?: Setting;
}

/** The guest type xl would build: `type`, else the old `builder`/`pvh` keys, else PV. */
export function guestTypeOf(doc: XlDocument): GuestTypeInfo {
  const type = lastSetting(doc, 'type');
  const typeValue = scalarText(type?.value);
  if (typeValue === 'pv' || typeValue === 'pvh' || typeValue === 'hvm') return { type: typeValue, decidedBy: type };
  const builder = lastSetting(doc, 'builder');
  if (scalarText(builder?.value) === 'hvm') return { type: 'hvm', decidedBy: builder };
  const pvh = lastSetting(doc, 'pvh');
  if (pvh && scalarText(pvh.value) !== '0') return { type: 'pvh', decidedBy: pvh };
  return { type: 'pv', decidedBy: builder };
}

/** The replacement for the deprecated `builder = …`. */
export function typeForBuilder(builder: string | undefined): GuestType {
  return builder === 'hvm' ? 'hvm' : 'pv';
}
