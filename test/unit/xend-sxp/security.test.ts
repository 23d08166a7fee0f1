/** The seeds' migration settings and the security checks they should trigger. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { fix, line, summarize, validate, xendContext } from './helpers';

const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

describe('seed 001: (xend-relocation-server yes) alone', () => {
  const text = readFixture('xend-sxp', 'seed-001-relocation.sxp');

  it('warns twice on the yes: no hosts-allow, and every address', () => {
    const diagnostics = validate(text);
    assert.deepEqual(summarize(diagnostics), ['2:25-28 warning xend/relocation-open', '2:25-28 warning xend/listens-on-all-addresses']);
    assert.equal(
      diagnostics[0].message,
      "relocation is on (xend-relocation-server) but xend-relocation-hosts-allow is not set: anyone who reaches port 8002 can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')",
    );
  });

  it('adds a hosts-allow line listing localhost and the cluster nodes of the workspace', () => {
    const ctx = xendContext({ others: [{ cluster: { nodes: [{ value: 'an-node02.alteeve.com', range: line(1, 1, 1) }, { value: 'an-node01.alteeve.com', range: line(1, 1, 1) }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } }] });
    const { result } = fix(text, line(2, 25, 28), 'Allow relocation only from localhost and the cluster nodes (an-node01.alteeve.com, an-node02.alteeve.com)', ctx);
    assert.equal(result, "# Seed 001: enabling migration by uncommenting one line of /etc/xen/xend-config.sxp\n(xend-relocation-server yes)\n(xend-relocation-hosts-allow '^localhost$ ^an-node01\\\\.alteeve\\\\.com$ ^an-node02\\\\.alteeve\\\\.com$')\n");
    assert.deepEqual(summarize(validate(result, ctx)), ['2:25-28 info xend/listens-on-all-addresses']);
  });

  it('binds the relocation server to a DRBD address of the workspace, or to localhost', () => {
    const drbd = { drbdResources: [{ name: { value: 'r0', range: line(1, 1, 1) }, hosts: [], addresses: [{ value: '10.10.0.1:7788', host: 'an-node01.alteeve.com', range: line(1, 1, 1) }], minors: [], devices: [], disks: [], dualPrimary: true }] };
    const ctx = xendContext({ others: [drbd] });
    const { actions, result } = fix(text, line(2, 25, 28), 'Bind the relocation server to 10.10.0.1 (an-node01.alteeve.com)', ctx);
    assert.ok(actions.some((a) => a.title === 'Bind the relocation server to localhost only'));
    assert.equal(lineOf(result, 3), "(xend-relocation-address '10.10.0.1')");
  });
});

describe('seed 003: the "very permissive" migration block', () => {
  const text = readFixture('xend-sxp', 'seed-003-permissive.sxp');

  it('warns on the HTTP server, the relocation address and the empty hosts-allow, each on its value', () => {
    const diagnostics = validate(text);
    assert.deepEqual(summarize(diagnostics), ['9:15-17 warning xend/listens-on-all-addresses', '10:26-28 warning xend/listens-on-all-addresses', '11:30-32 warning xend/relocation-open']);
    assert.equal(diagnostics[0].message, "xend's HTTP server (xend-http-server yes) has no authentication and listens on every address (xend-address ''): anyone who reaches it controls every domain on this host; bind it to localhost");
    assert.equal(diagnostics[1].message, "the relocation server listens on every address (xend-relocation-address '') and accepts any host: bind it to the migration network's address");
  });

  it('fixes each one in place', () => {
    assert.equal(lineOf(fix(text, line(9, 15, 17), "Bind xend's HTTP server to localhost").result, 9), "(xend-address 'localhost')");
    assert.equal(lineOf(fix(text, line(9, 15, 17), "Turn xend's HTTP server off").result, 2), '(xend-http-server no)');
    assert.equal(lineOf(fix(text, line(11, 30, 32), 'Allow relocation only from localhost (then add your peer hosts)').result, 11), "(xend-relocation-hosts-allow '^localhost$')");
    assert.equal(lineOf(fix(text, line(10, 26, 28), 'Bind the relocation server to localhost only').result, 10), "(xend-relocation-address 'localhost')");
  });

  it('is quiet once the block is secured', () => {
    const secured = text
      .replace("(xend-address '')", () => "(xend-address 'localhost')")
      .replace("(xend-relocation-address '')", () => "(xend-relocation-address '10.10.0.1')")
      .replace("(xend-relocation-hosts-allow '')", () => "(xend-relocation-hosts-allow '^an-node02$')");
    assert.deepEqual(validate(secured), []);
  });
});

describe('other servers', () => {
  it('warns about the HTTP server on a public address as unauthenticated', () => {
    assert.deepEqual(summarize(validate("(xend-http-server yes)\n(xend-address '192.0.2.10')\n")), ['2:15-27 warning xend/unauthenticated-server']);
  });

  it('warns about the TCP XML-RPC server only when it leaves localhost', () => {
    assert.deepEqual(validate('(xend-tcp-xmlrpc-server yes)\n'), []);
    assert.deepEqual(summarize(validate("(xend-tcp-xmlrpc-server yes)\n(xend-tcp-xmlrpc-server-address '')\n")), ['2:33-35 warning xend/listens-on-all-addresses']);
  });

  it('warns about VNC consoles on the network without a default password, and moves them to 127.0.0.1', () => {
    const text = "(vnc-listen '0.0.0.0')\n(vncpasswd '')\n";
    assert.deepEqual(summarize(validate(text)), ['1:13-22 warning xend/vnc-open']);
    assert.equal(fix(text, line(1, 13, 22), 'Listen on 127.0.0.1 only').result, "(vnc-listen '127.0.0.1')\n(vncpasswd '')\n");
    assert.deepEqual(validate("(vnc-listen '0.0.0.0')\n(vncpasswd 's3cret')\n"), []);
    assert.deepEqual(validate("(vnc-listen '127.0.0.1')\n(vncpasswd '')\n"), []);
  });

  it('accepts a relocation server bound to localhost without a hosts-allow list', () => {
    assert.deepEqual(validate('(xend-relocation-server yes)\n(xend-relocation-address localhost)\n'), []);
  });
});
