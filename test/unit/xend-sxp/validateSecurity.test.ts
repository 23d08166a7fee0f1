/** The seeds' migration settings and the security checks they should trigger. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { lineRange, summary } from '../../helpers/languageTester';
import { host, xend, XM_HOST } from './helpers';

const CLUSTER = { cluster: { nodes: [{ value: 'an-node02.alteeve.com', range: lineRange(1, 1, 1) }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } };
const DRBD = { drbdResources: [{ name: { value: 'r0', range: lineRange(1, 1, 1) }, hosts: [], addresses: [{ value: '10.10.0.1:7788', host: 'an-node01.alteeve.com', range: lineRange(1, 1, 1) }], minors: [], devices: [], disks: [], dualPrimary: true }] };

describe('seed 001: (xend-relocation-server yes) alone', () => {
  const text = readFixture('xend-sxp', 'seed-001-relocation.sxp');

  it('warns twice on the yes: no hosts-allow, and every address', () => {
    const diagnostics = xend.diagnostics(text, XM_HOST);
    assert.deepEqual(diagnostics.map(summary), ['2:25-28 warning xend/relocation-open', '2:25-28 warning xend/listens-on-all-addresses']);
    assert.equal(
      diagnostics[0].message,
      "relocation is on (xend-relocation-server) but xend-relocation-hosts-allow is not set: anyone who reaches port 8002 can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')",
    );
  });

  it('says the same whatever the workspace holds: only the quick fixes read it', () => {
    assert.deepEqual(xend.diagnostics(text, host({ others: [CLUSTER, DRBD] })), xend.diagnostics(text, XM_HOST));
  });
});

describe('seed 003: the "very permissive" migration block', () => {
  const text = readFixture('xend-sxp', 'seed-003-permissive.sxp');

  it('warns on the HTTP server, the relocation address and the empty hosts-allow, each on its value', () => {
    const diagnostics = xend.diagnostics(text, XM_HOST);
    assert.deepEqual(diagnostics.map(summary), ['9:15-17 warning xend/listens-on-all-addresses', '10:26-28 warning xend/listens-on-all-addresses', '11:30-32 warning xend/relocation-open']);
    assert.equal(diagnostics[0].message, "xend's HTTP server (xend-http-server yes) has no authentication and listens on every address (xend-address ''): anyone who reaches it controls every domain on this host; bind it to localhost");
    assert.equal(diagnostics[1].message, "the relocation server listens on every address (xend-relocation-address '') and accepts any host: bind it to the migration network's address");
  });

  it('is quiet once the block is secured', () => {
    const secured = text
      .replace("(xend-address '')", () => "(xend-address 'localhost')")
      .replace("(xend-relocation-address '')", () => "(xend-relocation-address '10.10.0.1')")
      .replace("(xend-relocation-hosts-allow '')", () => "(xend-relocation-hosts-allow '^an-node02$')");
    assert.deepEqual(xend.diagnostics(secured, XM_HOST), []);
  });
});

describe('other servers', () => {
  it('warns about the HTTP server on a public address as unauthenticated', () => {
    assert.deepEqual(xend.check("(xend-http-server yes)\n(xend-address '192.0.2.10')\n", XM_HOST), ['2:15-27 warning xend/unauthenticated-server']);
  });

  it('warns about the TCP XML-RPC server only when it leaves localhost', () => {
    assert.deepEqual(xend.diagnostics('(xend-tcp-xmlrpc-server yes)\n', XM_HOST), []);
    assert.deepEqual(xend.check("(xend-tcp-xmlrpc-server yes)\n(xend-tcp-xmlrpc-server-address '')\n", XM_HOST), ['2:33-35 warning xend/listens-on-all-addresses']);
  });

  it('warns about VNC consoles on the network without a default password', () => {
    assert.deepEqual(xend.check("(vnc-listen '0.0.0.0')\n(vncpasswd '')\n", XM_HOST), ['1:13-22 warning xend/vnc-open']);
    assert.deepEqual(xend.diagnostics("(vnc-listen '0.0.0.0')\n(vncpasswd 's3cret')\n", XM_HOST), []);
    assert.deepEqual(xend.diagnostics("(vnc-listen '127.0.0.1')\n(vncpasswd '')\n", XM_HOST), []);
  });

  it('accepts a relocation server bound to localhost without a hosts-allow list', () => {
    assert.deepEqual(xend.diagnostics('(xend-relocation-server yes)\n(xend-relocation-address localhost)\n', XM_HOST), []);
  });
});

describe('hosts-allow patterns', () => {
  it("flags a pattern without '$'", () => {
    const text = "(xend-relocation-server yes)\n(xend-relocation-address '10.0.0.1')\n(xend-relocation-hosts-allow '^localhost$ ^an-node02')\n";
    assert.deepEqual(xend.check(text, XM_HOST), ['3:43-53 info xend/unanchored-host-pattern']);
  });

  it('reports a hosts-allow pattern that is not a regular expression', () => {
    assert.deepEqual(xend.check("(xend-relocation-hosts-allow '^a($')\n", XM_HOST), ['1:31-35 error xend/bad-host-pattern']);
  });
});
