import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/languages/cluster-conf/parse';
import { problem } from '../../helpers/languageTester';
import { tester } from './helpers';

describe('cluster-conf parser', () => {
  it('gives each attribute the exact offsets of its name and value', () => {
    const text = '<cluster name="a&amp;b" config_version = \'3\'>\n</cluster>';
    const [name, version] = parse(text).root!.attributes;
    assert.deepEqual([name.name, name.value, text.slice(name.valueStart, name.valueEnd)], ['name', 'a&b', 'a&amp;b']);
    assert.deepEqual([version.name, version.value, text.slice(version.nameStart, version.nameEnd)], ['config_version', '3', 'config_version']);
  });

  it('keeps the tree of a half-typed file: an unterminated tag, a value never closed', () => {
    const doc = parse('<cluster name="c" config_version="1">\n  <cman two_node="1\n  <clusternodes>\n    <clusternode name=');
    assert.deepEqual(doc.elements.map((e) => `${e.name}<${e.parent?.name ?? ''}`), ['cluster<', 'cman<cluster', 'clusternodes<cluster', 'clusternode<clusternodes']);
    assert.equal(doc.elements[1].attributes[0].value, '1');
    assert.equal(doc.syntaxErrors.length, 1);
  });

  it('closes elements an end tag skips, and ignores stray end tags', () => {
    const doc = parse('<cluster><rm><service></rm></bogus></cluster>');
    const [cluster, rm, service] = doc.elements;
    assert.equal(service.closed, false);
    assert.equal(rm.closed, true);
    assert.equal(cluster.end, doc.text.length);
  });

  it('reports the first well-formedness error on its token', () => {
    const syntax = (text: string) => tester.diagnostics(text).filter((d) => d.code === 'cluster-conf/syntax');
    assert.deepEqual(syntax('<cluster name="a" name="b"/>').map(problem), ["1:19-23 error cluster-conf/syntax XML is not well-formed: Attribute 'name' is repeated."]);
    assert.deepEqual(tester.check(''), ['1:1-1 error cluster-conf/syntax']);
    assert.deepEqual(syntax('<?xml version="1.0"?>\n<?xml version="1.0"?><cluster/>').map(problem).slice(0, 1), ['2:1-6 error cluster-conf/syntax XML is not well-formed: XML declaration allowed only at the start of the document.']);
  });

  it('reports text where the schema allows none, and a wrong document element', () => {
    assert.deepEqual(tester.check('<cluster name="c" config_version="1"><clusternodes>node1</clusternodes></cluster>'), ['1:52-57 error cluster-conf/unexpected-text']);
    assert.deepEqual(tester.check('<clusters/>'), ['1:2-10 error cluster-conf/root']);
    assert.deepEqual(tester.check('<cluster name="c" config_version="1">\n<clusternodes/>\n< \n</cluster>'), ['3:1-2 error cluster-conf/syntax']);
  });
});
