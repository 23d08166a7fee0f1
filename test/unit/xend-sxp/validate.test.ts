import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { summary } from '../../helpers/languageTester';
import { host, xend, XM_HOST } from './helpers';

describe('xend-sxp syntax diagnostics', () => {
  it('points at the unclosed form, a stray paren, an open string and a bad character', () => {
    assert.deepEqual(xend.check("(xend-port 8000\n(logfile b))\n(vncpasswd 'x\n(keymap é)\n", XM_HOST), [
      '1:1-11 error xend/syntax-unclosed-list',
      '2:12-13 error xend/syntax-unexpected-close',
      '3:1-11 error xend/syntax-unclosed-list',
      '3:12-14 error xend/syntax-unterminated-string',
      '4:9-10 error xend/syntax-invalid-character',
    ]);
  });
});

describe('xend-sxp option checks', () => {
  it('reports every mistake of the mistakes fixture on its token', () => {
    assert.deepEqual(xend.check(readFixture('xend-sxp', 'mistakes.sxp'), XM_HOST), [
      '2:2-23 warning xend/unknown-option',
      '3:19-24 error xend/wrong-type',
      '4:12-17 error xend/wrong-type',
      '5:32-43 warning xend/extra-value',
      '6:41-43 warning xend/lost-escape',
      '6:50-52 warning xend/lost-escape',
      '8:2-14 warning xend/duplicate-option',
      '9:24-28 warning xend/unauthenticated-server',
      '10:1-6 warning xend/not-an-option',
      '11:23-28 error xend/port-out-of-range',
      '12:11-17 warning xend/bad-value',
      '13:13-25 error xend/wrong-type',
      '14:1-16 error xend/syntax-unclosed-list',
      '14:2-16 warning xend/missing-value',
    ]);
  });

  it('says what is wrong and what would be right', () => {
    const messages = xend.diagnostics(readFixture('xend-sxp', 'mistakes.sxp'), XM_HOST).map((d) => d.message);
    assert.equal(messages[0], "unknown option 'xend-relocaton-server': xend ignores it; did you mean 'xend-relocation-server'?");
    assert.equal(messages[1], "'xend-http-server' takes yes or no, not 'maybe' (xend refuses to start: \"expected bool\")");
    assert.equal(messages[3], "'network-script' takes one value: xend reads 'network-bridge' and ignores the rest; to pass arguments, quote the whole command: 'network-bridge netdev=eth1'");
    assert.equal(messages[6], "'dom0-min-mem' is already set on line 7; xend uses that first one and ignores this one");
  });

  it('accepts every corpus file xend accepted, and notes only the options Xen 2.0 had', () => {
    const verdicts = JSON.parse(readFixture('facts', 'corpus-verdicts.json')) as Record<string, { valid: boolean }>;
    const corpus = Object.keys(verdicts).filter((key) => key.startsWith('xend-sxp/'));
    assert.equal(corpus.length, 14);
    for (const key of corpus) {
      const errors = xend.diagnostics(readFixture('xend-sxp', 'corpus', key.slice('xend-sxp/'.length)), XM_HOST).filter((d) => d.severity === 1);
      assert.equal(errors.length === 0, verdicts[key].valid, key);
    }
    const old = xend.diagnostics(readFixture('xend-sxp', 'corpus', 'xen-project__xen__RELEASE-2.0.0__tools__examples__xend-config.sxp'), XM_HOST);
    // Issue 13: these are options xend 2.0 read, not unknown ones (XendRoot.py of RELEASE-2.0.0 reads all four).
    assert.deepEqual(old.filter((d) => d.code === 'xend/unknown-option'), []);
    assert.deepEqual(old.filter((d) => d.code === 'xend/legacy-option').map((d) => String(d.message).split("'")[1]), ['vif-bridge', 'vif-antispoof', 'block-file', 'block-enbd']);
  });

  it('accepts the options only Xen 2.0 read, with an info naming the xend that read them', () => {
    const text = [
      '# a dom0 that came up on Xen 2.0.6',
      '(xend-port         8000)',
      '(xend-event-port   8001)',
      "(console-address   'localhost')",
      '(console-port-base 9600)',
      '(dbroot /var/lib/xen/xend-db)',
      '(network-script    network)',
      '(vif-bridge        xenbr1)',
      '(vif-antispoof     yes)',
      '(block-nbd         block-nbd)',
      '(vif-brigde        xenbr1)',
      '',
    ].join('\n');
    const found = xend.diagnostics(text, XM_HOST);
    assert.deepEqual(found.map(summary), [
      '3:2-17 info xend/legacy-option',
      '4:2-17 info xend/legacy-option',
      '5:2-19 info xend/legacy-option',
      '6:2-8 info xend/legacy-option',
      '8:2-12 info xend/legacy-option',
      '9:2-15 info xend/legacy-option',
      '10:2-11 info xend/legacy-option',
      '11:2-12 warning xend/unknown-option',
    ]);
    assert.equal(found[0].message, "'xend-event-port' was read by the xend of Xen 2.0.6 only; xend of Xen 3.0 and later ignores it");
    assert.equal(found[4].message, "'vif-bridge' was read by the xend of Xen 2.0.0–2.0.6 only; xend of Xen 3.0 and later ignores it; from 3.0 on, name the bridge as an argument, (vif-script 'vif-bridge bridge=xenbr0'), or with bridge= on each vif");
    assert.equal(found[5].message, "'vif-antispoof' was read by the xend of Xen 2.0.0–2.0.6 only; xend of Xen 3.0 and later ignores it; from 3.0 on, (network-script 'network-bridge antispoof=yes')");
    // A name no xend read stays unknown; no did-you-mean points back at an option later xend ignores.
    assert.equal(found[7].message, "unknown option 'vif-brigde': xend ignores it");
  });

  it('accepts a custom network script and an empty (network-script )', () => {
    assert.deepEqual(xend.diagnostics(readFixture('xend-sxp', 'seed-003-network-script.sxp'), XM_HOST), []);
    assert.deepEqual(xend.diagnostics('(network-script )\n', XM_HOST), []);
  });

  it('checks the shape of the Xen-API listener list', () => {
    const text = "(xen-api-server ((9363 pem) unix (localhost:9367 pam '' key.pem cert.pem)))\n(xen-api-server unix)\n";
    assert.deepEqual(xend.check(text, XM_HOST), ['1:24-27 warning xend/bad-xen-api-entry', '1:29-33 warning xend/bad-xen-api-entry', '2:2-16 warning xend/duplicate-option', '2:17-21 error xend/wrong-type']);
  });

  it('points at the ( of a value list that spans lines, at the whole list on one line', () => {
    assert.deepEqual(xend.check('(xend-port (8000\n  8001))\n(logfile (a b))\n', XM_HOST), ['1:12-13 error xend/wrong-type', '3:10-15 error xend/wrong-type']);
  });
});

describe('xend-removed note', () => {
  it('says as hints, where each applies, that nothing reads the file and what xl has instead of each option', () => {
    const diagnostics = xend.diagnostics('(vif-script vif-bridge)\n(dom0-min-mem 512)\n(logfile /var/log/xen/xend.log)\n(xend-http-server no)\n(vif-script vif-route)\n', host({ version: '4.19', toolstack: 'xl' }));
    // The second vif-script is a duplicate: it gets that warning, and no second note.
    assert.deepEqual(diagnostics.map(summary), ['1:2-12 hint xend/xend-removed', '1:2-12 hint xend/xend-removed', '2:2-14 hint xend/xend-removed', '4:2-18 hint xend/xend-removed', '5:2-12 warning xend/duplicate-option']);
    assert.deepEqual(diagnostics.slice(0, 4).map((d) => d.message), [
      "Xen 4.19 has no xend (removed in 4.5): nothing reads this file; xl reads /etc/xen/xl.conf and each domain's config. If your hosts still run xend, set the toolstack to 'xm' (xenConfig.xen.toolstack, or --toolstack xm).",
      "vif-script under xl: `vif.default.script` in xl.conf (or `script=` in a domain's vif spec).",
      'dom0-min-mem under xl: `autoballoon` in xl.conf, with `dom0_mem=` on the Xen command line.',
      'xend-http-server under xl: nothing; xl has no network API.',
    ]);
  });

  it('reads a reason that starts a sentence on as a clause', () => {
    const [, networkScript] = xend.diagnostics("(network-script 'network-bridge')\n", host({ version: '4.19', toolstack: 'xl' }));
    assert.equal(networkScript.message, "network-script under xl: nothing; set the bridges up in the distribution's network configuration (e.g. /etc/network/interfaces).");
  });

  it('stays quiet for Xen 4.4 and for the xm toolstack', () => {
    assert.deepEqual(xend.diagnostics('(dom0-min-mem 512)\n', host({ version: '4.4', toolstack: 'xl' })), []);
    assert.deepEqual(xend.diagnostics('(dom0-min-mem 512)\n', host({ version: '4.19', toolstack: 'xm' })), []);
  });
});

describe('the example workspace', () => {
  const example = readFileSync(join(REPO_ROOT, 'examples', 'etc', 'xen', 'xend-config.sxp'), 'utf8');

  it('is clean for a host that runs xend', () => {
    assert.deepEqual(xend.diagnostics(example, host({ version: '4.4', toolstack: 'xm' })), []);
  });

  it('carries only xend-removed hints for the default target (Xen 4.19, xl): one for the file, one per option xl replaces or drops', () => {
    const found = xend.check(example, host({ version: '4.19', toolstack: 'xl' }));
    assert.equal(found[0], '6:2-9 hint xend/xend-removed');
    assert.ok(found.every((line) => / hint xend\/xend-removed$/.test(line)), found.join('\n'));
    assert.equal(found.length, 16);
  });
});
