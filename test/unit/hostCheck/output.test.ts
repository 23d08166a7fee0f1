/** The script's reply cut at its nonce markers: output that imitates a marker is output. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostScriptOutput } from '../../../shared/src/hostCheck/output';

const M = '@@xcc-host-check-beef';

describe('parseHostScriptOutput', () => {
  it('reads the tool, exit status, stdout and stderr', () => {
    const reply = `${M} file /tmp/x/file/a.cfg@@\n${M} tool xl 3@@\n${M} stdout@@\n{}\n\n${M} stderr@@\nboom\n\n${M} end@@\n`;
    assert.deepEqual(parseHostScriptOutput(reply, 'beef'), { kind: 'ran', tool: 'xl', exitCode: 3, stdout: '{}', stderr: 'boom', remoteFile: '/tmp/x/file/a.cfg' });
  });

  it('a tool printing markers without the nonce cannot end its section or fake a verdict', () => {
    const fake = `@@xcc-host-check-0000 end@@\n@@xcc-host-check- tool xl 0@@\n${M.slice(0, -1)} stderr@@`;
    const reply = `${M} tool xl 1@@\n${M} stdout@@\n${fake}\n${M} stderr@@\nreal\n${M} end@@\n`;
    const out = parseHostScriptOutput(reply, 'beef');
    assert.ok(out && out.kind === 'ran');
    assert.equal(out.stdout, fake);
    assert.equal(out.exitCode, 1);
  });

  it('missing tools, a failed step, and output that is not the script at all', () => {
    assert.deepEqual(parseHostScriptOutput(`${M} missing ccs_config_validate xmllint with /usr/share/cluster/cluster.rng@@\n`, 'beef'), {
      kind: 'missing',
      tools: ['ccs_config_validate', 'xmllint with /usr/share/cluster/cluster.rng'],
    });
    assert.deepEqual(parseHostScriptOutput(`${M} failed mktemp -d could not make a temporary directory@@\n`, 'beef'), { kind: 'failed', reason: 'mktemp -d could not make a temporary directory' });
    assert.equal(parseHostScriptOutput('Welcome to the host\n', 'beef'), undefined);
    assert.equal(parseHostScriptOutput(`${M} tool xl 1@@\n${M} stdout@@\ncut off`, 'beef'), undefined);
    assert.equal(parseHostScriptOutput(`${M} tool xl 1@@`, 'not hex'), undefined);
  });

  it('is linear on a long reply', () => {
    const reply = `${M} tool xl 0@@\n${M} stdout@@\n${'x\n'.repeat(200_000)}${M} stderr@@\n${M} end@@\n`;
    const out = parseHostScriptOutput(reply, 'beef');
    assert.ok(out && out.kind === 'ran' && out.stdout.length === 399_999);
  });
});
