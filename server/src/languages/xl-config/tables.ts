import type { ServiceContext } from '../types';
import type { XlDocument } from './ast';
import { DOMAIN_KEYS, KeySpec, XL_CONF_KEYS, XM_KEYS } from './schema/keys';

/** The keys a file may contain: xl.conf's, or a domain config's for the configured toolstack. */
export function keyTableFor(doc: XlDocument, ctx: ServiceContext): ReadonlyMap<string, KeySpec> {
  if (doc.fileKind === 'xl.conf') return XL_CONF_KEYS;
  return ctx.settings.xen.toolstack === 'xm' ? XM_KEYS : DOMAIN_KEYS;
}

/** A key's description from any table (hover explains xm keys under xl and the reverse). */
export function anyKeySpec(doc: XlDocument, ctx: ServiceContext, name: string): KeySpec | undefined {
  return keyTableFor(doc, ctx).get(name) ?? (doc.fileKind === 'domain' ? (DOMAIN_KEYS.get(name) ?? XM_KEYS.get(name)) : undefined);
}
