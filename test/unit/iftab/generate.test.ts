import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { generateIftab, generateIftabAction } from '../../../server/src/languages/iftab';
import { iftabUriFor } from '../../../server/src/languages/iftab/generate';
import { domainFacts } from './helpers';

describe('Generate iftab for this guest', () => {
  it('writes ethN mac lines in vif order, the seed 000 recipe', () => {
    assert.equal(generateIftab(['00:16:3e:00:01:01', '00:16:3E:00:02:01']), 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('puts the file in the guest tree next to etc/xen, or beside a config elsewhere', () => {
    assert.equal(iftabUriFor('file:///repo/examples/etc/xen/vm01-web.cfg', 'vm01-web'), 'file:///repo/examples/guests/vm01-web/etc/iftab');
    assert.equal(iftabUriFor('file:///home/me/vms/web.cfg', 'web'), 'file:///home/me/vms/web.iftab');
  });

  it('builds a code action that creates the file and fills it', () => {
    const action = generateIftabAction(domainFacts('vm01-web', ['00:16:3e:00:01:01', '00:16:3e:00:02:01']), 'file:///repo/examples/etc/xen/vm01-web.cfg')!;
    assert.equal(action.title, "Generate iftab for 'vm01-web' (2 vifs)");
    assert.equal(action.kind, 'refactor.rewrite');
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: 'file:///repo/examples/guests/vm01-web/etc/iftab' });
    assert.equal(edit.textDocument.uri, 'file:///repo/examples/guests/vm01-web/etc/iftab');
    assert.deepEqual(edit.edits, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: '# /etc/iftab of vm01-web: one line per vif of vm01-web, in vif order (read by ifrename at boot)\neth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n',
      },
    ]);
  });

  it('offers nothing for a domain without fixed MACs', () => {
    assert.equal(generateIftabAction(domainFacts('vm03', []), 'file:///repo/etc/xen/vm03.cfg'), undefined);
  });
});
