// What every generator under scripts/gen/ reads and where it writes:
//   --in DIR   the upstream inputs (default data/upstream: facts/*.json, cluster.rng)
//   --out DIR  write under DIR instead of the repository, at the same relative paths
//              (test/unit/common/generated.test.ts compares such a copy with the committed files)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function generatorOptions(argv = process.argv.slice(2)) {
  const options = { input: join(REPO, 'data', 'upstream'), outRoot: REPO };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if ((argv[i] === '--in' || argv[i] === '--out') && value) {
      if (argv[i] === '--in') options.input = resolve(value);
      else options.outRoot = resolve(value);
      i++;
    } else {
      console.error(`usage: node ${relative(process.cwd(), process.argv[1])} [--in UPSTREAM_DIR] [--out DIR]`);
      process.exit(2);
    }
  }
  return {
    /** A path inside the inputs folder. */
    input: (...parts) => join(options.input, ...parts),
    /** Writes `text` at `path` (relative to the repository root) under the output root. */
    write(path, text) {
      const target = join(options.outRoot, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      return relative(process.cwd(), target) || target;
    },
  };
}
