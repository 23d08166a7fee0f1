import type { ConfigFileKind } from './ast';

/** `/etc/xen/xl.conf` (the toolstack's own settings; also a copy named `…-xl.conf`) versus a domain config. */
export function configFileKind(path: string): ConfigFileKind {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return /(^|[^a-z0-9])xl\.conf$/.test(base) ? 'xl.conf' : 'domain';
}
