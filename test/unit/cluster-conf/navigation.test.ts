import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { clusterConfService as service } from '../../../server/src/languages/cluster-conf';
import { definition, references, rename } from '../../../server/src/languages/cluster-conf/navigation';
import { applyEdits } from '../../helpers/lspClient';
import { REPO_ROOT } from '../../helpers/fixtures';
import { ctx, positionOf } from './helpers';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), 'utf8');
const doc = service.parse(EXAMPLE, ctx);
const onReference = positionOf(EXAMPLE, '<device name="fence_an02"', '<device name="fence'.length);
const onDefinition = positionOf(EXAMPLE, '<fencedevice name="fence_an02"', '<fencedevice name="f'.length);

describe('cluster-conf fence device navigation', () => {
  it('goes from <device name=…> to its <fencedevice>', () => {
    assert.deepEqual(definition(doc, onReference, ctx), [{ uri: ctx.uri, range: { start: { line: 22, character: 27 }, end: { line: 22, character: 37 } } }]);
  });

  it('finds the definition and every use, from either side', () => {
    const expected = [
      { uri: ctx.uri, range: { start: { line: 22, character: 27 }, end: { line: 22, character: 37 } } },
      { uri: ctx.uri, range: { start: { line: 15, character: 34 }, end: { line: 15, character: 44 } } },
    ];
    assert.deepEqual(references(doc, onReference, ctx), expected);
    assert.deepEqual(references(doc, onDefinition, ctx), expected);
    assert.deepEqual(references(doc, onDefinition, ctx, false), expected.slice(1));
  });

  it('renames the fence device and its uses', () => {
    const edit = rename(doc, onDefinition, 'ipmi_an02', ctx)!;
    const after = applyEdits(EXAMPLE, edit.changes![ctx.uri] as TextEdit[]);
    assert.equal(after, EXAMPLE.replace(/fence_an02/g, 'ipmi_an02'));
  });

  it('refuses names that are not XML names, and positions on anything else', () => {
    assert.equal(rename(doc, onDefinition, 'ipmi an02', ctx), null);
    assert.equal(rename(doc, positionOf(EXAMPLE, 'nodeid="1"', 2), 'x', ctx), null);
    assert.deepEqual(definition(doc, positionOf(EXAMPLE, '<cman', 2), ctx), []);
  });
});
