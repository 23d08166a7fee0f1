// The package boundaries, checked before tsc so a reach-across gets one readable line:
// server/src and client/src never import each other; shared/src imports neither.
// (tsc -b enforces the same through the project references in */tsconfig.json, but it
// reports every file the stray import drags in, often a thousand lines.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Package → the packages it may import besides itself. */
const ALLOWED = { shared: [], server: ['shared'], client: ['shared'] };

const packageOf = (path) => {
  const [top, src] = relative(repo, path).split(/[\\/]/);
  return src === 'src' && top in ALLOWED ? top : undefined;
};

const sources = (dir) =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });

const problems = [];
for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  for (const file of sources(join(repo, pkg, 'src'))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const [, specifier] of line.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.[^'"]*)['"]/g)) {
          const target = packageOf(resolve(dirname(file), specifier));
          if (target && target !== pkg && !allowed.includes(target)) {
            const why = pkg === 'shared' ? 'shared/src imports neither server nor client' : 'server and client never import each other; move what both need to shared/src';
            problems.push(`${relative(repo, file)}:${index + 1}: imports ${relative(repo, resolve(dirname(file), specifier))}: ${why}.`);
          }
        }
      });
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
