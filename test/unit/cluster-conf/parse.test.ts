import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/languages/cluster-conf/parse';
import { diagnosticsOf, summary } from './helpers';

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
    const duplicate = diagnosticsOf('<cluster name="a" name="b"/>')[0];
    assert.deepEqual([summary(duplicate), duplicate.message], ['1:19 error cluster-conf/syntax', "XML is not well-formed: Attribute 'name' is repeated."]);
    assert.deepEqual(diagnosticsOf('').map(summary), ['1:1 error cluster-conf/syntax']);
    assert.deepEqual(diagnosticsOf('<?xml version="1.0"?>\n<?xml version="1.0"?><cluster/>').map(summary).slice(0, 1), ['2:1 error cluster-conf/syntax']);
  });

  it('reports text where the schema allows none, and a wrong document element', () => {
    assert.deepEqual(diagnosticsOf('<cluster name="c" config_version="1"><clusternodes>node1</clusternodes></cluster>').map(summary), ['1:52 error cluster-conf/unexpected-text']);
    assert.deepEqual(diagnosticsOf('<clusters/>').map(summary), ['1:2 error cluster-conf/root']);
    assert.deepEqual(diagnosticsOf('<cluster name="c" config_version="1">\n<clusternodes/>\n< \n</cluster>').map(summary), ['3:1 error cluster-conf/syntax']);
  });
});
