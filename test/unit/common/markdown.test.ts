/**
 * The one Markdown helper, and what it guarantees across every schema table:
 * no hover or completion documentation renders a raw `<tag>`, which VS Code
 * would take as HTML and drop (the "May contain: , , ." of cluster.conf).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { code, docText, escapeText, fileLink, plainText, rawTags } from '../../../server/src/common/markdown';
import { ELEMENTS } from '../../../server/src/languages/cluster-conf/schema';
import { FENCE_AGENTS } from '../../../server/src/languages/cluster-conf/schema/agents';
import { SECTION_CHILDREN } from '../../../server/src/languages/drbd/schema';
import { DEVICE_SPECS } from '../../../server/src/languages/xl-config/schema';
import { hoverText } from '../../helpers/languageTester';
import { tester as cluster } from '../cluster-conf/helpers';
import { drbd } from '../drbd/helpers';
import { iftab } from '../iftab/helpers';
import { xend } from '../xend-sxp/helpers';
import { xl } from '../xl-config/helpers';

const documentation = (items: CompletionItem[]): string[] => items.map((i) => (i.documentation as MarkupContent | undefined)?.value ?? '');

/** Every Markdown text given, with the raw tags it would hand a renderer. */
function tagged(texts: Iterable<string>): string[] {
  const found: string[] = [];
  for (const text of texts) if (rawTags(text).length > 0) found.push(`${rawTags(text).join(' ')} in: ${text.slice(0, 120)}`);
  return found;
}

describe('markdown helper', () => {
  it('puts names in code spans that survive backticks', () => {
    assert.equal(code('<clusternode>'), '`<clusternode>`');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x'), '`` `x ``');
  });

  it('escapes plain text so every character shows as itself', () => {
    assert.equal(escapeText('<b>*x*_y_ [l](u)'), '\\<b\\>\\*x\\*\\_y\\_ \\[l\\](u)');
  });

  it('turns tags in our sentences into code spans and keeps their code spans', () => {
    assert.equal(docText('Name that nodes\' <device name="…"> refer to; see `<rm>` & <fence>.'), 'Name that nodes\' `<device name="…">` refer to; see `<rm>` \\& `<fence>`.');
    assert.equal(docText('a < b and c > d'), 'a \\< b and c \\> d');
    assert.deepEqual(rawTags(docText('May contain <altname>, <fence>.')), []);
    assert.deepEqual(rawTags('May contain <altname>, `<fence>`.'), ['<altname>']);
  });

  it('gives plain text for CompletionItem.detail without literal backticks', () => {
    assert.equal(plainText('values: `yes`, `no` · default: `no`'), 'values: yes, no · default: no');
  });

  it('links another file by its path relative to the workspace root, to the line', () => {
    assert.equal(fileLink('file:///srv/repo/etc/xen/vm01-web.cfg', 11, '/srv/repo'), '[etc/xen/vm01-web.cfg:12](file:///srv/repo/etc/xen/vm01-web.cfg#L12)');
    assert.equal(fileLink('file:///elsewhere/a%20b.cfg', 0, '/srv/repo'), '[/elsewhere/a b.cfg:1](file:///elsewhere/a%20b.cfg#L1)');
  });
});

describe('no hover or completion documentation of any schema table renders a raw <tag>', () => {
  it('cluster-conf: every element and attribute, every agent, every completion list', () => {
    const texts: string[] = [];
    for (const [name, def] of Object.entries(ELEMENTS)) {
      const doc = `<cluster name="c" config_version="1">\n<${name} ${Object.keys(def.attributes).map((a) => `${a}="1"`).join(' ')}>\n\n</${name}>\n</cluster>\n`;
      texts.push(hoverText(cluster.hover(doc.replace(`<${name} `, `<${name.slice(0, 1)}|${name.slice(1)} `))));
      for (const attribute of Object.keys(def.attributes)) texts.push(hoverText(cluster.hover(doc.replace(` ${attribute}="1"`, ` |${attribute}="1"`))));
      texts.push(...documentation(cluster.complete(doc.replace(`>\n\n</${name}>`, `>\n|\n</${name}>`))));
      texts.push(...documentation(cluster.complete(doc.replace(`<${name} `, `<${name} |`))));
    }
    for (const agent of FENCE_AGENTS.keys()) {
      const doc = `<cluster name="c" config_version="1"><fencedevices><fencedevice name="f" agent="${agent}"/></fencedevices></cluster>`;
      texts.push(hoverText(cluster.hover(doc.replace(`agent="${agent}`, `agent="|${agent}`))));
      texts.push(...documentation(cluster.complete(doc.replace('name="f" ', 'name="f" |'))));
    }
    assert.ok(texts.length > 1000, `only ${texts.length} texts`);
    assert.deepEqual(tagged(texts), []);
  });

  it('drbd: every section\'s options and sections, in every dialect', () => {
    const texts: string[] = [];
    for (const [dialect, sections] of Object.entries(SECTION_CHILDREN)) {
      for (const [parent, children] of Object.entries(sections)) {
        const doc = parent === '' ? '|' : `${parent} x {\n|\n}\n`;
        texts.push(...documentation(drbd.complete(doc, { settings: { drbd: { dialect: dialect as '8.3' | '8.4' | '9' } } })));
        for (const child of children) texts.push(hoverText(drbd.hover(`${child.slice(0, 1)}|${child.slice(1)} x {\n}\n`)));
      }
    }
    assert.deepEqual(tagged(texts), []);
  });

  it('xl-config, xend-sxp, iftab: every key, sub-key, option and selector', () => {
    const texts = [...documentation(xl.complete('|\n')), ...documentation(xl.complete('|\n', { path: '/etc/xen/xl.conf' })), ...documentation(xend.complete('(|)')), ...documentation(iftab.complete('eth0 |'))];
    for (const key of DEVICE_SPECS.keys()) texts.push(...documentation(xl.complete(`${key} = [ '|' ]\n`)));
    assert.ok(texts.length > 400, `only ${texts.length} texts`);
    assert.deepEqual(tagged(texts), []);
  });
});
