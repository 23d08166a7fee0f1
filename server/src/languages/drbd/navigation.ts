/**
 * Go to definition: an `include` pattern goes to the files it names; a
 * resource name (`stacked-on-top-of R`, `resync-after R`, `after R`) to the
 * `resource R` that defines it, in this file or another of the workspace.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { resolveInclude } from './includes';
import { resourcesOf } from './model';
import { DrbdDocument, tokenAt } from './parse';

const RESOURCE_REFERENCES = new Set(['stacked-on-top-of', 'resync-after', 'after']);

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(doc: DrbdDocument, position: Position, ctx: ServiceContext): Location[] {
  const found = tokenAt(doc.root, doc.lines.offsetAt(position));
  if (!found || found.argIndex !== 0 || !found.node.keyword) return [];
  const keyword = found.node.keyword.value;
  const name = found.token.value;
  if (keyword === 'include' && found.node.kind === 'option') {
    return resolveInclude(name, ctx.path, ctx.files).map((path) => ({ uri: `file://${path}`, range: FILE_START }));
  }
  if (!RESOURCE_REFERENCES.has(keyword)) return [];
  const here = resourcesOf(doc)
    .filter((r) => r.name?.value === name)
    .map((r) => ({ uri: ctx.uri, range: doc.lines.range(r.name!.start, r.name!.end) }));
  const elsewhere = [...ctx.workspace.otherFiles(ctx.uri)].flatMap(({ uri, facts }) =>
    (facts.drbdResources ?? []).filter((r) => r.name.value === name).map((r) => ({ uri, range: r.name.range })),
  );
  return [...here, ...elsewhere];
}
