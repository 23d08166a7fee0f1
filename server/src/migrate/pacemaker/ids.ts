/** CIB ids: XML names (a letter or `_` first; letters, digits, `.`, `-`, `_`), each used once. */
export class IdRegistry {
  private readonly used = new Set<string>();

  /** A fresh id made from `wanted` (invalid characters become `_`; a repeat gets `-2`, `-3`…). */
  take(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9._-]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
