import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { definition, references, rename } from '../../../server/src/languages/cluster-conf/navigation';
import { applyEdits } from '../../helpers/lspClient';
import { withCursor } from '../../helpers/languageTester';
import { EXAMPLE, tester } from './helpers';

const ctx = tester.context();
const doc = tester.parse(EXAMPLE);
/** The position of the cursor marker in `marked`, a piece of the example written with `|` in it. */
const cursor = (marked: string): Position => doc.lines.positionAt(withCursor(EXAMPLE.replace(marked.replace('|', ''), marked)).offset);
const onReference = cursor('<device name="fence|_an02"');
const onDefinition = cursor('<fencedevice name="f|ence_an02"');

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
    assert.equal(applyEdits(EXAMPLE, edit.changes![ctx.uri]), EXAMPLE.replace(/fence_an02/g, 'ipmi_an02'));
  });

  it('refuses names that are not XML names, and positions on anything else', () => {
    assert.equal(rename(doc, onDefinition, 'ipmi an02', ctx), null);
    assert.equal(rename(doc, cursor('no|deid="1"'), 'x', ctx), null);
    assert.deepEqual(definition(doc, cursor('<c|man'), ctx), []);
  });
});
