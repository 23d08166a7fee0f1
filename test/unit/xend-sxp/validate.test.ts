import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { fix, line, summarize, validate, xendContext } from './helpers';

describe('xend-sxp syntax diagnostics', () => {
  it('points at the unclosed form, a stray paren, an open string and a bad character', () => {
    assert.deepEqual(summarize(validate("(xend-port 8000\n(logfile b))\n(vncpasswd 'x\n(keymap é)\n")), [
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
    assert.deepEqual(summarize(validate(readFixture('xend-sxp', 'mistakes.sxp'))), [
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
    const messages = validate(readFixture('xend-sxp', 'mistakes.sxp')).map((d) => d.message);
    assert.equal(messages[0], "unknown option 'xend-relocaton-server': xend ignores it; did you mean 'xend-relocation-server'?");
    assert.equal(messages[1], "'xend-http-server' takes yes or no, not 'maybe' (xend refuses to start: \"expected bool\")");
    assert.equal(messages[3], "'network-script' takes one value: xend reads 'network-bridge' and ignores the rest; to pass arguments, quote the whole command: 'network-bridge netdev=eth1'");
    assert.equal(messages[6], "'dom0-min-mem' is already set on line 7; xend uses that first one and ignores this one");
  });

  it('accepts every corpus file xend accepted, and flags only the options Xen 2.0 had', () => {
    const verdicts = JSON.parse(readFixture('facts', 'corpus-verdicts.json')) as Record<string, { valid: boolean }>;
    const corpus = Object.keys(verdicts).filter((key) => key.startsWith('xend-sxp/'));
    assert.equal(corpus.length, 14);
    for (const key of corpus) {
      const errors = validate(readFixture('xend-sxp', 'corpus', key.slice('xend-sxp/'.length))).filter((d) => d.severity === 1);
      assert.equal(errors.length === 0, verdicts[key].valid, key);
    }
    const old = validate(readFixture('xend-sxp', 'corpus', 'xen-project__xen__RELEASE-2.0.0__tools__examples__xend-config.sxp'));
    assert.deepEqual(old.filter((d) => d.code === 'xend/unknown-option').map((d) => String(d.message).split("'")[1]), ['vif-bridge', 'vif-antispoof', 'block-file', 'block-enbd']);
  });

  it('accepts a custom network script and an empty (network-script )', () => {
    assert.deepEqual(validate(readFixture('xend-sxp', 'seed-003-network-script.sxp')), []);
    assert.deepEqual(validate('(network-script )\n'), []);
  });
});

describe('xend-sxp quick fixes', () => {
  const mistakes = readFixture('xend-sxp', 'mistakes.sxp');
  const lines = mistakes.split('\n');
  const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

  it('renames an unknown option to the suggestion', () => {
    const { result } = fix(mistakes, line(2, 2, 23), "Change to 'xend-relocation-server'");
    assert.equal(lineOf(result, 2), '(xend-relocation-server yes)');
    assert.deepEqual(result.split('\n').filter((l, i) => l !== lines[i]), ['(xend-relocation-server yes)']);
  });

  it('replaces a bad boolean and trims an integer', () => {
    assert.equal(lineOf(fix(mistakes, line(3, 19, 24), "Change to 'no'").result, 3), '(xend-http-server no)');
    assert.equal(lineOf(fix(mistakes, line(4, 12, 17), 'Change to 8000').result, 4), '(xend-port 8000)');
  });

  it('quotes a network script with its arguments as one value', () => {
    assert.equal(lineOf(fix(mistakes, line(5, 32, 43), "Quote as one value: 'network-bridge netdev=eth1'").result, 5), "(network-script 'network-bridge netdev=eth1')");
  });

  it('doubles a backslash xend would lose', () => {
    assert.equal(lineOf(fix(mistakes, line(6, 41, 43), "Write '\\\\.'").result, 6), String.raw`(xend-relocation-hosts-allow '^an-node02\\.alteeve\.com$')`);
  });

  it('checks the shape of the Xen-API listener list', () => {
    const text = "(xen-api-server ((9363 pem) unix (localhost:9367 pam '' key.pem cert.pem)))\n(xen-api-server unix)\n";
    assert.deepEqual(summarize(validate(text)), ['1:24-27 warning xend/bad-xen-api-entry', '1:29-33 warning xend/bad-xen-api-entry', '2:2-16 warning xend/duplicate-option', '2:17-21 error xend/wrong-type']);
    assert.equal(lineOf(fix(text, line(1, 24, 27), "Change to 'pam'").result, 1), "(xen-api-server ((9363 pam) unix (localhost:9367 pam '' key.pem cert.pem)))");
  });

  it("requires PAM on a TCP Xen-API listener with 'none'", () => {
    assert.equal(lineOf(fix(mistakes, line(9, 24, 28), "Require PAM authentication ('pam')").result, 9), '(xen-api-server ((9363 pam) (unix none)))');
  });

  it("anchors a hosts-allow pattern with '$'", () => {
    const text = "(xend-relocation-server yes)\n(xend-relocation-address '10.0.0.1')\n(xend-relocation-hosts-allow '^localhost$ ^an-node02')\n";
    assert.deepEqual(summarize(validate(text)), ['3:43-53 info xend/unanchored-host-pattern']);
    assert.equal(lineOf(fix(text, line(3, 43, 53), "Add '$' at the end").result, 3), "(xend-relocation-hosts-allow '^localhost$ ^an-node02$')");
  });

  it('reports a hosts-allow pattern that is not a regular expression', () => {
    assert.deepEqual(summarize(validate("(xend-relocation-hosts-allow '^a($')\n")), ['1:31-35 error xend/bad-host-pattern']);
  });
});

describe('xend-removed note', () => {
  it('is one info on the first option when the target Xen has no xend, naming the xl replacements', () => {
    const ctx = xendContext({ version: '4.19', toolstack: 'xl' });
    const diagnostics = validate('(vif-script vif-bridge)\n(dom0-min-mem 512)\n(logfile /var/log/xen/xend.log)\n', ctx);
    assert.deepEqual(summarize(diagnostics), ['1:2-12 info xend/xend-removed']);
    assert.equal(
      diagnostics[0].message,
      "Xen 4.19 has no xend (removed in 4.5): nothing reads this file. With xl: vif-script → `vif.default.script` in xl.conf (or `script=` in a domain's vif spec); dom0-min-mem → `autoballoon` in xl.conf, with `dom0_mem=` on the Xen command line. If your hosts still run xend, set the toolstack to 'xm' (xenConfig.xen.toolstack, or --toolstack xm).",
    );
  });

  it('stays quiet for Xen 4.4 and for the xm toolstack', () => {
    assert.deepEqual(validate('(dom0-min-mem 512)\n', xendContext({ version: '4.4', toolstack: 'xl' })), []);
    assert.deepEqual(validate('(dom0-min-mem 512)\n', xendContext({ version: '4.19', toolstack: 'xm' })), []);
  });
});

describe('the example workspace', () => {
  const example = readFileSync(join(REPO_ROOT, 'examples', 'etc', 'xen', 'xend-config.sxp'), 'utf8');

  it('is clean for a host that runs xend', () => {
    assert.deepEqual(validate(example, xendContext({ version: '4.4', toolstack: 'xm' })), []);
  });

  it('only carries the xend-removed note for the default target (Xen 4.19, xl)', () => {
    assert.deepEqual(summarize(validate(example, xendContext({ version: '4.19', toolstack: 'xl' }))), ['6:2-9 info xend/xend-removed']);
  });
});
