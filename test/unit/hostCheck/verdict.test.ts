/**
 * The host tools' real answers (test/fixtures/host-check: the script's reply with real xl, drbdadm,
 * xmllint and ifrename, see its README) read into findings: line, severity, the tool's own words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostScriptOutput } from '../../../shared/src/hostCheck/output';
import { HostCheckKind } from '../../../shared/src/hostCheck/script';
import { hostVerdict, visible } from '../../../shared/src/hostCheck/verdict';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';

const NONCE = '0123abcd';

function verdictOf(name: string, kind: HostCheckKind) {
  const output = parseHostScriptOutput(readFixture('host-check', `${name}.reply`), NONCE);
  assert.ok(output, `${name}.reply is the script's output`);
  const verdict = hostVerdict(output, { kind, hostLabel: 'lab', text: readFixture('host-check', `${name}.input`) });
  return { verdict, shown: verdict.findings.map((f) => `${f.line} ${f.severity} ${f.source}: ${f.message}`) };
}

describe('host check verdicts from real tool output', () => {
  it('xl refuses the xm-only access mode w!, on the line of the disk it quotes', () => {
    const { verdict, shown } = verdictOf('xl-force-write', 'domain');
    assert.equal(verdict.refused, true);
    assert.deepEqual(shown, ["5 error xl@lab: config parsing error in disk specification: unknown value for access: near `w!' in `phy:/dev/vg0/vm1,xvda,w!'"]);
  });

  it('xl accepts a good config: no finding', () => {
    const { verdict, shown } = verdictOf('xl-good', 'domain');
    assert.equal(verdict.refused, false);
    assert.deepEqual(shown, []);
  });

  it("xl's syntax error is on its line; its Python warnings and summary stay in its words", () => {
    const { verdict, shown } = verdictOf('xl-python', 'domain');
    assert.equal(verdict.refused, true);
    assert.deepEqual(shown, [
      "3 error xl@lab: config parsing error near `+': lexical error",
      '1 warning xl@lab: warning: Config file looks like it contains Python code.',
      '1 warning xl@lab: warning:  Arbitrary Python is no longer supported.',
      '1 warning xl@lab: warning:  See https://wiki.xen.org/wiki/PythonInXlConfig',
      '1 error xl@lab: Failed to parse config: Invalid argument',
    ]);
  });

  it('drbdadm refuses a repeated device on its line, and points at the first as context', () => {
    const { verdict, shown } = verdictOf('drbdadm-repeated-device', 'drbd');
    assert.equal(verdict.refused, true);
    assert.deepEqual(shown, ["3 error drbdadm@lab: conflicting use of device statement 'r0:device' ...", "2 info drbdadm@lab: device statement 'r0:device' first used here."]);
  });

  it('drbdadm on a host the file does not name: an info on the resource, no error', () => {
    const { verdict, shown } = verdictOf('drbdadm-good-other-node', 'drbd');
    assert.equal(verdict.refused, false);
    assert.deepEqual(shown, ['1 info drbdadm@lab: resource r0 on vm: ignored, not stacked (no `on` section of the resource names this host, so drbdadm here checks it as another node\'s)']);
  });

  it('xmllint: each Relax-NG error on its line; the summary line is dropped', () => {
    const { verdict, shown } = verdictOf('xmllint-invalid', 'cluster');
    assert.equal(verdict.refused, true);
    assert.deepEqual(shown, [
      '4 error xmllint@lab: element clusternode: Relax-NG validity error : Invalid attribute votes for element clusternode',
      '4 error xmllint@lab: element clusternode: Relax-NG validity error : Element clusternodes has extra content: clusternode',
      '6 error xmllint@lab: element bogus: Relax-NG validity error : Element cluster has extra content: bogus',
    ]);
  });

  it("xmllint: a parser error's excerpt and caret lines are not findings", () => {
    const { shown } = verdictOf('xmllint-not-well-formed', 'cluster');
    assert.deepEqual(shown, [
      '3 error xmllint@lab: parser error : Opening and ending tag mismatch: clusternodes line 2 and cluster',
      '4 error xmllint@lab: parser error : Premature end of data in tag cluster line 1',
    ]);
  });

  it('ifrename exits 0 but drops bad lines: its Error lines are errors on their lines', () => {
    const { verdict, shown } = verdictOf('ifrename-bad-lines', 'iftab');
    assert.equal(verdict.refused, true);
    assert.deepEqual(shown, [
      "1 warning ifrename@lab: Warning: Interface name is `eth0' at line 1, can't be mapped reliably.",
      "2 error ifrename@lab: Error: Unknown selector `bogus' at line 2.",
      '2 error ifrename@lab: Error: Line 2 ignored due to prior errors',
      "3 error ifrename@lab: Error: Invalid MAC address `zz:zz' at line 3",
      '3 error ifrename@lab: Error: Line 3 ignored due to prior errors',
    ]);
  });

  it('the lab dom0 (Xen 4.17, drbd-utils, no cluster or ifrename tools) says the same over ssh', () => {
    assert.deepEqual(verdictOf('lab-xl-force-write', 'domain').shown, verdictOf('xl-force-write', 'domain').shown);
    assert.deepEqual(verdictOf('lab-xl-good', 'domain').shown, []);
    assert.deepEqual(verdictOf('lab-drbdadm-repeated-device', 'drbd').shown, verdictOf('drbdadm-repeated-device', 'drbd').shown);
    assert.deepEqual(verdictOf('lab-missing-cluster', 'cluster').shown, ['1 info host@lab: not checked on lab: `ccs_config_validate` (or `xmllint` and /usr/share/cluster/cluster.rng) is not installed there']);
    assert.deepEqual(verdictOf('lab-missing-iftab', 'iftab').shown, ['1 info host@lab: not checked on lab: `ifrename` is not installed there']);
  });

  it('every reply fixture has a test above', () => {
    const tested = ['xl-force-write', 'xl-good', 'xl-python', 'drbdadm-repeated-device', 'drbdadm-good-other-node', 'xmllint-invalid', 'xmllint-not-well-formed', 'ifrename-bad-lines'];
    const lab = ['lab-xl-force-write', 'lab-xl-good', 'lab-drbdadm-repeated-device', 'lab-missing-cluster', 'lab-missing-iftab'];
    const replies = fixtureFiles('host-check').filter((f) => f.endsWith('.reply')).map((f) => f.replace(/^.*[\\/]/, '').replace(/\.reply$/, ''));
    assert.deepEqual(replies.filter((r) => !tested.includes(r) && !lab.includes(r)), []);
  });
});

describe('host check verdicts: the other answers', () => {
  const ctx = { kind: 'domain' as const, hostLabel: 'an-node01', text: 'name = "a"\n' };

  it('a missing tool is an info naming what is missing, never an error', () => {
    const verdict = hostVerdict({ kind: 'missing', tools: ['xl', 'xm'] }, ctx);
    assert.equal(verdict.refused, false);
    assert.deepEqual(verdict.findings, [{ line: 1, severity: 'info', source: 'host@an-node01', message: 'not checked on an-node01: `xl` (or `xm`) is not installed there' }]);
  });

  it('a refusal without words still says the tool refused', () => {
    const verdict = hostVerdict({ kind: 'ran', tool: 'xl', exitCode: 3, stdout: '', stderr: '' }, ctx);
    assert.equal(verdict.refused, true);
    assert.equal(verdict.findings[0].message, 'xl refused the file (exit status 3) without saying why');
  });

  it('control characters in tool output are shown, not passed on', () => {
    const verdict = hostVerdict({ kind: 'ran', tool: 'xl', exitCode: 1, stdout: '', stderr: 'bad \x1b[31mred\x07\n' }, ctx);
    assert.equal(verdict.findings[0].message, 'bad \\x1b[31mred\\x07');
    assert.equal(visible('tab\tstays'), 'tab\tstays');
  });

  it('a line past the end of the file is kept as the tool said it (the caller clamps it)', () => {
    const verdict = hostVerdict({ kind: 'ran', tool: 'xl', exitCode: 1, stdout: '', stderr: '/t/f/x.cfg:99: oops', remoteFile: '/t/f/x.cfg' }, ctx);
    assert.deepEqual(verdict.findings.map((f) => [f.line, f.message]), [[99, 'oops']]);
  });
});
