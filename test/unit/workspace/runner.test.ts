/** The one runner the server and the CLI share: per-file caches, open over disk, settings, deletions, file-system listings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Diagnostic } from 'vscode-languageserver-types';
import { serviceFor } from '../../../server/src/languages/registry';
import { DEFAULT_SETTINGS, FileContext, FileReader, ParsedDocument } from '../../../server/src/languages/types';
import { ServiceLookup, WorkspaceRunner } from '../../../server/src/workspace/runner';

const ROOT = '/repo';
const VM01 = 'file:///repo/etc/xen/vm01.cfg';
const VM02 = 'file:///repo/etc/xen/vm02.cfg';
const DRBD_CONF = 'file:///repo/etc/drbd.conf';
const R0 = 'file:///repo/etc/drbd.d/r0.res';

const domain = (name: string, mac: string, extra = '') => `name = "${name}"\nkernel = "/k"\n${extra}vif = [ "mac=${mac}" ]\n`;
const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

function runnerWith(files: Record<string, string>, diskFiles?: FileReader): WorkspaceRunner {
  const runner = new WorkspaceRunner({ root: ROOT, settings: DEFAULT_SETTINGS, diskFiles });
  for (const [uri, text] of Object.entries(files)) runner.setDisk(uri, uri.endsWith('.cfg') ? 'xl-config' : 'drbd', text);
  return runner;
}

/** Counts the validations of a language while `body` runs, and the contexts they got. */
function countingValidations<T>(languageId: string, body: () => T): { result: T; contexts: FileContext[] } {
  const service = serviceFor(languageId)!;
  const original = service.validate;
  const contexts: FileContext[] = [];
  (service as { validate: typeof original }).validate = (doc, ctx) => {
    contexts.push(ctx);
    return original.call(service, doc, ctx);
  };
  try {
    return { result: body(), contexts };
  } finally {
    (service as { validate: typeof original }).validate = original;
  }
}

describe('workspace runner', () => {
  it('past the size limit builds no tree at all, ignore comments included (the syntax errors come from syntaxErrors)', () => {
    const service = serviceFor('drbd')!;
    const original = service.parse;
    let parses = 0;
    (service as { parse: typeof original }).parse = (text, ctx) => {
      parses++;
      return original.call(service, text, ctx);
    };
    try {
      const runner = new WorkspaceRunner({ root: ROOT, settings: { ...DEFAULT_SETTINGS, diagnostics: { maxFileSize: 64 } } });
      runner.setOpen(R0, 'drbd', `# xcc-ignore drbd/missing-semicolon\n${'resource r { device /dev/drbd0; disk /dev/sda1; meta-disk internal; }\n'.repeat(4)}resource`);
      assert.deepEqual(codes(runner.diagnose(R0)), ['1:1 workspace/file-too-large', '6:1 drbd/missing-semicolon']);
      assert.equal(parses, 0, 'no full parse for a file past the limit');
    } finally {
      (service as { parse: typeof original }).parse = original;
    }
  });

  it('diagnoses a closed file with its own and its cross-file diagnostics', () => {
    const runner = runnerWith({ [VM01]: domain('vm01', '00:16:3e:00:00:01'), [VM02]: domain('vm02', '00:16:3e:00:00:01') });
    assert.deepEqual(codes(runner.diagnose(VM01)), ['3:14 workspace/duplicate-mac']);
    assert.match(String(runner.diagnose(VM02)![0].message), /domain 'vm01' \(etc\/xen\/vm01\.cfg:3\)/);
    assert.equal(runner.diagnose('file:///repo/unknown.cfg'), undefined);
  });

  it('validates with a file context that has no workspace, once per (text, settings)', () => {
    const runner = runnerWith({});
    const { contexts } = countingValidations('xl-config', () => {
      runner.setDisk(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:01'));
      const first = runner.diagnose(VM01);
      runner.setDisk(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:01'));
      runner.setOpen(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:01'));
      assert.equal(runner.ownDiagnostics(VM01), runner.ownDiagnostics(VM01));
      assert.deepEqual(runner.diagnose(VM01), first);
    });
    assert.equal(contexts.length, 1, 'the same text under the same settings is validated once, open or on disk');
    assert.deepEqual(Object.keys(contexts[0]).sort(), ['files', 'path', 'settings', 'uri']);
    assert.equal(contexts[0].path, '/repo/etc/xen/vm01.cfg');
  });

  it('checks every file again under new settings, open or not, a chunk at a time if the caller wants', () => {
    const runner = runnerWith({ [VM01]: domain('vm01', '00:16:3e:00:00:01', 'cmdline = "ro"\n'), [VM02]: domain('vm02', '00:16:3e:00:00:02') });
    assert.deepEqual(codes(runner.diagnose(VM01)), []);
    assert.equal(runner.setSettings({ ...DEFAULT_SETTINGS, xen: { version: '4.4', toolstack: 'xl' } }), true);
    assert.equal(runner.refreshStale(1), 1, 'one file analysed, one to go');
    assert.deepEqual(codes(runner.diagnose(VM01)), ['3:1 xl/key-too-new']);
    assert.equal(runner.refreshStale(), 0, 'diagnosing finished the rest first');
    assert.equal(runner.setSettings({ ...DEFAULT_SETTINGS, xen: { version: '4.4', toolstack: 'xl' } }), false, 'equal settings change nothing');
    runner.setSettings(DEFAULT_SETTINGS);
    assert.deepEqual(codes(runner.diagnose(VM01)), []);
  });

  it('lets an open document win over disk, and goes back to disk when it is closed', () => {
    const runner = runnerWith({ [VM01]: domain('vm01', '00:16:3e:00:00:01'), [VM02]: domain('vm02', '00:16:3e:00:00:02') });
    assert.deepEqual(codes(runner.diagnose(VM02)), []);
    runner.setOpen(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:02'));
    assert.deepEqual(codes(runner.diagnose(VM02)), ['3:14 workspace/duplicate-mac']);
    runner.setDisk(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:03'));
    assert.deepEqual(codes(runner.diagnose(VM02)), ['3:14 workspace/duplicate-mac'], 'the disk changed under the open document');
    assert.deepEqual(runner.uris(), [VM01, VM02], 'open documents first');
    runner.close(VM01);
    assert.equal(runner.isOpen(VM01), false);
    assert.deepEqual(codes(runner.diagnose(VM02)), []);
  });

  it('forgets a deleted file: no other file names it', () => {
    const runner = runnerWith({ [VM01]: domain('vm01', '00:16:3e:00:00:01'), [VM02]: domain('vm02', '00:16:3e:00:00:01') });
    const generation = runner.generation;
    assert.equal(runner.removeDisk(VM01), true);
    assert.equal(runner.has(VM01), false);
    assert.notEqual(runner.generation, generation);
    assert.deepEqual(codes(runner.diagnose(VM02)), []);
    assert.equal(runner.removeDisk(VM01), false);
  });

  it('keeps untitled buffers out of the workspace: own diagnostics only', () => {
    const runner = runnerWith({ [VM02]: domain('vm02', '00:16:3e:00:00:01') });
    assert.equal(runner.setOpen('untitled:Untitled-1', 'xl-config', domain('copy', '00:16:3e:00:00:01')), true);
    assert.deepEqual(codes(runner.diagnose('untitled:Untitled-1')), []);
    assert.deepEqual(codes(runner.diagnose(VM02)), []);
    assert.equal(runner.setOpen('file:///repo/README.md', 'markdown', '# hi'), false);
    runner.close('untitled:Untitled-1');
    assert.equal(runner.has('untitled:Untitled-1'), false);
  });

  it('checks again exactly the files whose validation listed folders when a file comes or goes', () => {
    const names = new Set<string>();
    const disk: FileReader = { listFiles: (dir) => (dir === '/repo/etc/drbd.d' ? [...names] : []), exists: () => false };
    const runner = runnerWith({ [DRBD_CONF]: 'include "drbd.d/*.res";\n', [VM01]: domain('vm01', '00:16:3e:00:00:01') }, disk);
    assert.deepEqual(codes(runner.diagnose(DRBD_CONF)), ['1:9 drbd/include-no-match']);
    runner.diagnose(VM01);
    names.add('r0.res');
    runner.setDisk(R0, 'drbd', 'resource r0 {\n}\n');
    assert.deepEqual(runner.fileSystemChanged(), [DRBD_CONF]);
    assert.deepEqual(codes(runner.diagnose(DRBD_CONF)), []);
    names.delete('r0.res');
    runner.removeDisk(R0);
    runner.fileSystemChanged();
    assert.deepEqual(codes(runner.diagnose(DRBD_CONF)), ['1:9 drbd/include-no-match']);
  });

  it('serves the current parse with a context that sees the workspace', () => {
    const runner = runnerWith({ [VM01]: domain('vm01', '00:16:3e:00:00:01'), [VM02]: domain('vm02', '00:16:3e:00:00:02') });
    const served = runner.served(VM02)!;
    assert.equal(served.service.id, 'xl-config');
    assert.equal(served.doc.text, domain('vm02', '00:16:3e:00:00:02'));
    assert.deepEqual([...served.ctx.workspace.otherFiles(VM02)].map((f) => f.uri), [VM01]);
    assert.equal(runner.served('file:///repo/none.cfg'), undefined);
  });

  it("hands the editing features the saved text while the editor's differs, and only then", () => {
    const saved = domain('vm01', '00:16:3e:00:00:01');
    const runner = runnerWith({ [VM01]: saved });
    assert.equal(runner.served(VM01)!.ctx.savedText, undefined, 'closed: the disk is the text');
    runner.setOpen(VM01, 'xl-config', saved);
    assert.equal(runner.served(VM01)!.ctx.savedText, undefined, 'open and saved');
    runner.setOpen(VM01, 'xl-config', `${saved}memory = 512\n`);
    assert.equal(runner.served(VM01)!.ctx.savedText, saved);
    runner.setOpen('untitled:Untitled-1', 'xl-config', saved);
    assert.equal(runner.served('untitled:Untitled-1')!.ctx.savedText, undefined, 'no file on disk');
  });
});

describe('workspace runner: memory while typing', () => {
  const collectGarbage: () => void = (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

  // A WeakRef keeps its target alive until the end of the job that made it, hence a turn of the loop per keystroke.
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("lets an edited document's previous parse go before it parses the new text", async () => {
    const xl = serviceFor('xl-config')!;
    let previous: WeakRef<ParsedDocument> | undefined;
    const stillHeld: boolean[] = [];
    const parse: typeof xl.parse = (text, ctx) => {
      if (previous) {
        collectGarbage();
        stillHeld.push(previous.deref() !== undefined);
      }
      const doc = xl.parse(text, ctx);
      previous = new WeakRef(doc);
      return doc;
    };
    const services: ServiceLookup = (id) => (id === 'xl-config' ? { ...xl, parse } : serviceFor(id));
    const runner = new WorkspaceRunner({ root: ROOT, settings: DEFAULT_SETTINGS, services });
    runner.setOpen(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:01'));
    assert.deepEqual(codes(runner.diagnose(VM01)), []);
    for (const memory of [512, 1024, 2048]) {
      await nextTurn();
      runner.setOpen(VM01, 'xl-config', domain('vm01', '00:16:3e:00:00:01', `memory = ${memory}\n`));
    }
    assert.deepEqual(stillHeld, [false, false, false], 'each keystroke holds one tree at a time, not the old one while the new one is built');
    assert.ok(runner.served(VM01), 'the current parse is kept for the editing features');
  });
});
