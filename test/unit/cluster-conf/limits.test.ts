/** What cluster.conf does with hostile input: bad character references, absurd nesting, positions outside the text (issue 14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { clusterConfService } from '../../../server/src/languages/cluster-conf';
import { problem } from '../../helpers/languageTester';
import { tester } from './helpers';

const syntax = (text: string) => tester.diagnostics(text).filter((d) => d.code === 'cluster-conf/syntax').map(problem);

describe('character references', () => {
  it('a reference past U+10FFFF is a syntax error on the reference, not a crash', () => {
    assert.deepEqual(syntax('<cluster name="&#x110000;" config_version="1"/>\n'), [
      '1:16-26 error cluster-conf/syntax XML is not well-formed: character reference out of bounds: &#x110000; is past U+10FFFF, the last Unicode character.',
    ]);
  });

  it('in element text, and in decimal, too', () => {
    assert.deepEqual(syntax('<cluster name="c" config_version="1">x &#1114112;</cluster>\n'), [
      '1:40-50 error cluster-conf/syntax XML is not well-formed: character reference out of bounds: &#1114112; is past U+10FFFF, the last Unicode character.',
    ]);
  });

  it('a reference to a character XML does not allow names it', () => {
    assert.deepEqual(syntax('<cluster name="a&#0;b" config_version="1"/>\n'), [
      '1:17-21 error cluster-conf/syntax XML is not well-formed: character reference &#0; names U+0000, which XML does not allow (xmllint: "invalid xmlChar value 0").',
    ]);
    assert.deepEqual(syntax('<cluster name="&#xD800;" config_version="1"/>\n').map((p) => p.slice(0, 20)), ['1:16-24 error cluste']);
  });

  it('a valid one is decoded and is no error', () => {
    const doc = tester.parse('<cluster name="&#x41;&#66;&amp;" config_version="1"/>\n');
    assert.equal(doc.root?.attributes[0].value, 'AB&');
    assert.deepEqual(syntax('<cluster name="&#x41;&#66;&amp;" config_version="1"/>\n'), []);
  });
});

describe('nesting', () => {
  const nested = (depth: number) => `<cluster name="c" config_version="1">\n${'<a>'.repeat(depth)}\n${'</a>'.repeat(depth)}\n</cluster>\n`;

  it("past 256 open elements it is xmllint's error, on the first element too deep", () => {
    assert.deepEqual(syntax(nested(300)), [
      '2:770-771 error cluster-conf/syntax XML is not well-formed: <a> is nested inside more than 256 elements: xmllint stops here ("Excessive depth in document: 256 use XML_PARSE_HUGE option"), and nothing inside it is read.',
    ]);
  });

  it('257 levels are well-formed, as for xmllint', () => {
    assert.deepEqual(syntax(nested(256)), []);
  });

  it('10,000 levels: outline, folding, hover and completion answer', () => {
    const text = nested(10_000);
    const ctx = tester.context();
    const doc = clusterConfService.parse(text, ctx);
    let depth = 0;
    for (let level: DocumentSymbol[] | undefined = clusterConfService.symbols(doc, ctx); level?.length; level = level[0].children) depth++;
    assert.equal(depth, 257);
    assert.ok(clusterConfService.folding(doc, ctx).length > 0);
    assert.ok(clusterConfService.hover(doc, { line: 1, character: 30_000 - 2 }, ctx) === null);
    assert.ok(Array.isArray(clusterConfService.complete(doc, { line: 2, character: 5 }, ctx)));
  });
});

describe('positions outside the text', () => {
  it('completion past the end of a line answers as at its end', () => {
    const text = '<cluster name="c" config_version="1">\n  <fencedevices>\n    ';
    const ctx = tester.context();
    const doc = clusterConfService.parse(text, ctx);
    const atEnd = clusterConfService.complete(doc, { line: 2, character: 4 }, ctx);
    assert.deepEqual(atEnd.map((i) => i.label), ['fencedevice']);
    assert.deepEqual(clusterConfService.complete(doc, { line: 2, character: 400 }, ctx), atEnd);
    assert.deepEqual(clusterConfService.complete(doc, { line: 9, character: 0 }, ctx), atEnd);
  });
});
