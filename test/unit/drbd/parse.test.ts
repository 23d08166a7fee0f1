import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, SectionNode } from '../../../server/src/languages/drbd/parse';
import { summary } from '../../helpers/languageTester';
import { dialect, drbd, HOSTS } from './helpers';

describe('drbd parser', () => {
  it('builds nested sections with options, arguments and terminators', () => {
    const doc = parse('resource r0 {\n  net { protocol C; }\n  on a { address 10.0.0.1:7789; }\n}\n');
    assert.deepEqual(doc.syntaxErrors, []);
    const resource = doc.root.children[0] as SectionNode;
    assert.equal(resource.name, 'resource');
    assert.equal(resource.args[0].value, 'r0');
    const net = resource.children[0] as SectionNode;
    assert.equal(net.children[0].kind, 'option');
    assert.deepEqual(net.children[0].kind === 'option' && net.children[0].args.map((a) => a.value), ['C']);
  });

  it('reports a missing ; on the token it belongs after, and keeps parsing', () => {
    const text = `resource r0 {\n  net {\n    max-buffers 8000\n    protocol C;\n  }\n${HOSTS}\n}\n`;
    const diagnostics = drbd.diagnostics(text);
    assert.deepEqual(diagnostics.map(summary), ['3:17-21 error drbd/missing-semicolon']);
    assert.equal(diagnostics[0].message, "Missing ';' after '8000' to end the 'max-buffers' option.");
  });

  it("reports a missing '}' at the section that cannot live there", () => {
    const text = `resource r0 {\n  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal;\n  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }\n}\n`;
    const diagnostics = drbd.diagnostics(text);
    assert.deepEqual(diagnostics.map(summary), ['3:3-5 error drbd/missing-brace']);
    assert.equal(diagnostics[0].message, "Missing '}' to close 'on a' (opened on line 2) before this 'on' section.");
  });

  it("reports a section left open at the end of the file on its keyword", () => {
    const diagnostics = drbd.diagnostics(`resource r0 {\n${HOSTS}\n`);
    assert.deepEqual(diagnostics.map(summary), ['1:1-9 error drbd/missing-brace']);
  });

  it("flags a stray ';' after a closing brace and an unterminated string", () => {
    const diagnostics = drbd.diagnostics(`resource r0 {\n${HOSTS}\n  handlers { split-brain "/bin/true; }\n};\n`);
    assert.deepEqual(diagnostics.map(summary), ['1:1-9 error drbd/missing-brace', '4:26-39 error drbd/syntax', '5:2-3 error drbd/syntax']);
  });

  it('does not read the contents of skip sections', () => {
    assert.deepEqual(drbd.check(`skip {\n  whatever "is here { nested } ;\n}\nresource r0 {\n${HOSTS}\n}\n`), []);
  });
  it('skips a skip section inside a connection, a host and a volume, as drbdadm 9 does', () => {
    // drbdadm 9.22 accepts this file; a skip that drbdadm 9 does not take (inside net) is one error, on its line.
    const text = `resource r0 {\n  on a {\n    node-id 0; address 10.0.0.1:7789;\n    skip { old-address 10.9.0.1:7789; }\n    volume 0 { device minor 1; disk /dev/sda1; skip { disk /dev/sdz1; } }\n  }\n  on b { node-id 1; address 10.0.0.2:7789; volume 0 { device minor 1; disk /dev/sda1; } }\n  connection {\n    host a; host b;\n    skip {\n      net { protocol A; }\n      path { host a address 10.0.0.1:7790; }\n    }\n    net { protocol C; }\n  }\n}\n`;
    assert.deepEqual(drbd.check(text), []);
    const inNet = text.replace('net { protocol C; }', 'net { skip { protocol A; } }');
    assert.deepEqual(drbd.check(inNet), ['14:11-15 error drbd/missing-brace', '16:1-2 error drbd/syntax']);
    // DRBD 8.4 skips at the top level only: drbdadm-84 "'protocol | on | disk | … ' expected, but got 'skip'".
    const in84 = `resource r0 {\n  skip { protocol A; }\n${HOSTS}\n}\n`;
    assert.deepEqual(drbd.check(in84, dialect('8.4')), ['2:3-7 error drbd/wrong-section']);
  });
});
