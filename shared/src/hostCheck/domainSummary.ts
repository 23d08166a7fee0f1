/**
 * The fields of a domain that both sides know: memory, vCPUs, type, disks and
 * interfaces. A summary comes from our own reading of a config file, from the
 * JSON `xl -N create` prints (libxl_domain_config, every default applied), or
 * from an entry of `xl list -l` (the running domain); differences between two
 * summaries are sentences for the user.
 */
import { parseXlListLong } from '../dom0/parse/xlListLong';

export interface DiskSummary {
  readonly vdev: string;
  readonly target: string;
  /** `w` or `r`. */
  readonly mode: string;
}

export interface VifSummary {
  readonly mac?: string;
  readonly bridge?: string;
}

export interface DomainSummary {
  readonly type?: string;
  /** MiB the domain gets at start (`memory`, libxl's target_memkb). */
  readonly memoryMiB?: number;
  /** MiB it may balloon up to (`maxmem`, libxl's max_memkb). */
  readonly maxMemoryMiB?: number;
  /** vCPUs it may have (`maxvcpus`, else `vcpus`: libxl's max_vcpus). */
  readonly maxVcpus?: number;
  readonly disks: readonly DiskSummary[];
  readonly vifs: readonly VifSummary[];
}

/**
 * The summary of one libxl domain config (what `xl -N create` prints) or of an
 * `xl list -l` entry's `config`; a string saying why when it is not one.
 * Read by the explorer's parser of `xl list -l`, so both agree on every field.
 */
export function summarizeLibxlConfig(json: string): { ok: true; summary: DomainSummary } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  // An `xl list -l` answer is an array of {domid, config}; `xl -N create` prints the config itself.
  const entry = Array.isArray(value) ? value[0] : { config: value };
  const listing = parseXlListLong(JSON.stringify([entry ?? null]));
  const domain = listing.ok ? listing.value.domains[0] : undefined;
  if (!domain) return { ok: false, error: 'no domain config with c_info.name in it' };
  return {
    ok: true,
    summary: {
      type: domain.type,
      memoryMiB: domain.targetMemoryMiB,
      maxMemoryMiB: domain.maxMemoryMiB,
      maxVcpus: domain.maxVcpus,
      disks: domain.disks.map((d) => ({ vdev: d.vdev, target: d.target, mode: d.mode })),
      vifs: domain.nics.map((n) => ({ ...(n.mac !== undefined ? { mac: n.mac } : {}), ...(n.bridge !== undefined ? { bridge: n.bridge } : {}) })),
    },
  };
}

/** How the two sides are named in the sentences: `{ left: 'the config', right: 'xl on an-node01' }`. */
export interface Sides {
  readonly left: string;
  readonly right: string;
}

/**
 * Every field where `left` and `right` disagree, one sentence each. A field
 * one side does not state (undefined) is not compared: our reading of a file
 * leaves a default unset where xl fills it in.
 */
export function compareSummaries(left: DomainSummary, right: DomainSummary, sides: Sides): string[] {
  const notes: string[] = [];
  const scalar = (what: string, a: string | number | undefined, b: string | number | undefined, unit = '') => {
    if (a !== undefined && b !== undefined && a !== b) notes.push(`${what}: ${sides.left} has ${a}${unit}, ${sides.right} has ${b}${unit}`);
  };
  scalar('type', left.type, right.type);
  scalar('memory', left.memoryMiB, right.memoryMiB, ' MiB');
  scalar('maximum memory', left.maxMemoryMiB, right.maxMemoryMiB, ' MiB');
  scalar('vCPUs', left.maxVcpus, right.maxVcpus);
  const rightDisks = new Map(right.disks.map((d) => [d.vdev, d]));
  const leftDisks = new Map(left.disks.map((d) => [d.vdev, d]));
  for (const disk of left.disks) {
    const other = rightDisks.get(disk.vdev);
    if (!other) notes.push(`disk ${disk.vdev} (${disk.target}): only ${sides.left} has it`);
    else {
      if (disk.target !== other.target) notes.push(`disk ${disk.vdev}: ${sides.left} has ${disk.target}, ${sides.right} has ${other.target}`);
      if (disk.mode !== other.mode) notes.push(`disk ${disk.vdev}: ${sides.left} has mode ${disk.mode}, ${sides.right} has ${other.mode}`);
    }
  }
  for (const disk of right.disks) if (!leftDisks.has(disk.vdev)) notes.push(`disk ${disk.vdev} (${disk.target}): only ${sides.right} has it`);
  const vifs = Math.max(left.vifs.length, right.vifs.length);
  for (let i = 0; i < vifs; i++) {
    const a = left.vifs[i];
    const b = right.vifs[i];
    if (!b) notes.push(`vif ${i}${a.mac ? ` (${a.mac})` : ''}: only ${sides.left} has it`);
    else if (!a) notes.push(`vif ${i}${b.mac ? ` (${b.mac})` : ''}: only ${sides.right} has it`);
    else {
      if (a.mac !== undefined && b.mac !== undefined && a.mac.toLowerCase() !== b.mac.toLowerCase()) notes.push(`vif ${i}: ${sides.left} has MAC ${a.mac}, ${sides.right} has ${b.mac}`);
      if (a.bridge !== undefined && b.bridge !== undefined && a.bridge !== b.bridge) notes.push(`vif ${i}: ${sides.left} has bridge ${a.bridge}, ${sides.right} has ${b.bridge}`);
    }
  }
  return notes;
}
