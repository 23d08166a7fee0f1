/** File names of migration outputs. */

/** The input's file name with its extension replaced by `extension` (`/etc/xen/vm01.sxp` → `vm01.cfg`; `xmexample1` → `xmexample1.cfg`). */
export function outputName(path: string, extension: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || 'untitled';
  const dot = base.lastIndexOf('.');
  return `${dot > 0 ? base.slice(0, dot) : base}${extension}`;
}
