/** The quick fixes: option mistakes, and the security settings (some offer names from the workspace). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { lineRange } from '../../helpers/languageTester';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { host, xend, XM_HOST } from './helpers';

const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

describe('xend-sxp quick fixes', () => {
  const mistakes = readFixture('xend-sxp', 'mistakes.sxp');
  const lines = mistakes.split('\n');

  it('renames an unknown option to the suggestion', () => {
    const result = xend.fix(mistakes, lineRange(2, 2, 23), "Change to 'xend-relocation-server'", XM_HOST);
    assert.equal(lineOf(result, 2), '(xend-relocation-server yes)');
    assert.deepEqual(result.split('\n').filter((l, i) => l !== lines[i]), ['(xend-relocation-server yes)']);
  });

  it('replaces a bad boolean and trims an integer', () => {
    assert.equal(lineOf(xend.fix(mistakes, lineRange(3, 19, 24), "Change to 'no'", XM_HOST), 3), '(xend-http-server no)');
    assert.equal(lineOf(xend.fix(mistakes, lineRange(4, 12, 17), "Change to '8000'", XM_HOST), 4), '(xend-port 8000)');
  });

  it('quotes a network script with its arguments as one value', () => {
    assert.equal(lineOf(xend.fix(mistakes, lineRange(5, 32, 43), "Quote as one value: 'network-bridge netdev=eth1'", XM_HOST), 5), "(network-script 'network-bridge netdev=eth1')");
  });

  it('doubles a backslash xend would lose', () => {
    assert.equal(lineOf(xend.fix(mistakes, lineRange(6, 41, 43), "Write '\\\\.'", XM_HOST), 6), String.raw`(xend-relocation-hosts-allow '^an-node02\\.alteeve\.com$')`);
  });

  it("fixes a Xen-API listener's authentication", () => {
    const text = "(xen-api-server ((9363 pem) unix (localhost:9367 pam '' key.pem cert.pem)))\n(xen-api-server unix)\n";
    assert.equal(lineOf(xend.fix(text, lineRange(1, 24, 27), "Change to 'pam'", XM_HOST), 1), "(xen-api-server ((9363 pam) unix (localhost:9367 pam '' key.pem cert.pem)))");
  });

  it("requires PAM on a TCP Xen-API listener with 'none'", () => {
    assert.equal(lineOf(xend.fix(mistakes, lineRange(9, 24, 28), "Require PAM authentication ('pam')", XM_HOST), 9), '(xen-api-server ((9363 pam) (unix none)))');
  });

  it("anchors a hosts-allow pattern with '$'", () => {
    const text = "(xend-relocation-server yes)\n(xend-relocation-address '10.0.0.1')\n(xend-relocation-hosts-allow '^localhost$ ^an-node02')\n";
    assert.equal(lineOf(xend.fix(text, lineRange(3, 43, 53), "Add '$' at the end", XM_HOST), 3), "(xend-relocation-hosts-allow '^localhost$ ^an-node02$')");
  });
});

describe('seed 001: (xend-relocation-server yes) alone', () => {
  const text = readFixture('xend-sxp', 'seed-001-relocation.sxp');

  it('adds a hosts-allow line listing localhost and the cluster nodes of the workspace', () => {
    const options = host({ others: [{ cluster: { nodes: [{ value: 'an-node02.alteeve.com', range: lineRange(1, 1, 1) }, { value: 'an-node01.alteeve.com', range: lineRange(1, 1, 1) }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } }] });
    const result = xend.fix(text, lineRange(2, 25, 28), 'Allow relocation only from localhost and the cluster nodes (an-node01.alteeve.com, an-node02.alteeve.com)', options);
    assert.equal(result, "# Seed 001: enabling migration by uncommenting one line of /etc/xen/xend-config.sxp\n(xend-relocation-server yes)\n(xend-relocation-hosts-allow '^localhost$ ^an-node01\\\\.alteeve\\\\.com$ ^an-node02\\\\.alteeve\\\\.com$')\n");
    assert.deepEqual(xend.check(result, options), ['2:25-28 info xend/listens-on-all-addresses']);
  });

  it('binds the relocation server to a DRBD address of the workspace, or to localhost', () => {
    const drbd = { drbdResources: [{ name: { value: 'r0', range: lineRange(1, 1, 1) }, hosts: [], addresses: [{ value: '10.10.0.1:7788', host: 'an-node01.alteeve.com', range: lineRange(1, 1, 1) }], minors: [], devices: [], disks: [], dualPrimary: true }] };
    const options = host({ others: [drbd] });
    assert.ok(xend.actions(text, lineRange(2, 25, 28), options).some((a) => a.title === 'Bind the relocation server to localhost only'));
    const result = xend.fix(text, lineRange(2, 25, 28), "Bind the relocation server to '10.10.0.1' (an-node01.alteeve.com)", options);
    assert.equal(lineOf(result, 3), "(xend-relocation-address '10.10.0.1')");
  });

  it('reads the workspace when the editor asks for the fixes, not when the file was checked', () => {
    const options = host({ others: [{ cluster: { nodes: [{ value: 'an-node02.alteeve.com', range: lineRange(1, 1, 1) }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } }] });
    const ctx = xend.context(options);
    const doc = xend.parse(text, options);
    const diagnostics = xendSxpService.validate(doc, xend.context(XM_HOST));
    const titles = xendSxpService.codeActions(doc, lineRange(2, 25, 28), diagnostics, ctx).map((a) => a.title);
    assert.ok(titles.includes('Allow relocation only from localhost and the cluster nodes (an-node02.alteeve.com)'), JSON.stringify(titles));
  });
});

describe('seed 003: the "very permissive" migration block', () => {
  const text = readFixture('xend-sxp', 'seed-003-permissive.sxp');

  it('fixes each one in place', () => {
    assert.equal(lineOf(xend.fix(text, lineRange(9, 15, 17), "Bind xend's HTTP server to localhost", XM_HOST), 9), "(xend-address 'localhost')");
    assert.equal(lineOf(xend.fix(text, lineRange(9, 15, 17), "Turn xend's HTTP server off", XM_HOST), 2), '(xend-http-server no)');
    assert.equal(lineOf(xend.fix(text, lineRange(11, 30, 32), 'Allow relocation only from localhost (then add your peer hosts)', XM_HOST), 11), "(xend-relocation-hosts-allow '^localhost$')");
    assert.equal(lineOf(xend.fix(text, lineRange(10, 26, 28), 'Bind the relocation server to localhost only', XM_HOST), 10), "(xend-relocation-address 'localhost')");
  });
});

describe('other servers', () => {
  it('moves VNC consoles to 127.0.0.1', () => {
    const text = "(vnc-listen '0.0.0.0')\n(vncpasswd '')\n";
    assert.equal(xend.fix(text, lineRange(1, 13, 22), "Listen on '127.0.0.1' only", XM_HOST), "(vnc-listen '127.0.0.1')\n(vncpasswd '')\n");
  });
});
