/**
 * The pieces that keep the server and the CLI standing (issue 14), one by one:
 * URIs that do not decode, globs over names with a newline, a walk over a file
 * system that refuses, the runner over services that throw, the size limit,
 * reading only regular files and dropping a BOM.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { testContext } from '../../helpers/fixtures';
import { artifactLocation } from '../../../server/src/cli/formats';
import { matchesGlob } from '../../../server/src/common/glob';
import { decodePercent, pathOfUri } from '../../../server/src/common/uri';
import { crossFileRulesOf, languageForPath } from '../../../server/src/languages/registry';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/languages/types';
import { settingsFromClient } from '../../../server/src/lsp/settings';
import { readConfigFile, readConfigFileSync, stripBom, UnreadableFile } from '../../../server/src/workspace/disk';
import { describeFailure, formatBytes, RunnerFailure, WorkspaceRunner } from '../../../server/src/workspace/runner';
import { servicesFromEnvironment, servicesThrowingOn } from '../../../server/src/workspace/testHook';
import { walkFolder, WalkFileSystem, WalkProblem } from '../../../server/src/workspace/walk';

const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
const domain = (name: string, mac: string) => `name = "${name}"\nkernel = "/k"\nmemroy = 1\nvif = [ "mac=${mac}" ]\n`;

describe('URIs that are not validly percent-encoded', () => {
  it('decode where they can and stay literal where they cannot, never throwing', () => {
    assert.equal(pathOfUri('file:///etc/xen/bad%zz.cfg'), '/etc/xen/bad%zz.cfg');
    assert.equal(pathOfUri('file:///etc/xen/100%.cfg'), '/etc/xen/100%.cfg');
    assert.equal(pathOfUri('file:///etc/xen/my%20vm%zz.cfg'), '/etc/xen/my vm%zz.cfg');
    assert.equal(pathOfUri('untitled:50%'), '50%');
    assert.equal(pathOfUri('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(pathOfUri('file:///etc/xen/caf%C3%A9.cfg'), '/etc/xen/café.cfg');
    assert.equal(pathOfUri('file://host%zz/etc/xen/x.cfg'), '/etc/xen/x.cfg');
    // Invalid UTF-8: a truncated sequence and a stray continuation byte stay as written, the valid parts around them decode.
    assert.equal(decodePercent('%E2%82'), '%E2%82');
    assert.equal(decodePercent('a%80b%E2%82%AC%FF'), 'a%80b€%FF');
    assert.equal(decodePercent('%%41%'), '%A%');
  });
});

describe('URIs and paths, generated', () => {
  /** Text made of the pieces that break decoders: escapes valid and not, lone `%`, multi-byte UTF-8, separators. */
  const uriText = fc.array(fc.oneof(fc.constantFrom('%', '%zz', '%2', '%41', '%E2%82', '%AC', '%C3%A9', '%F0%9F%98%80', '%80', '/', '#', '?', ' ', 'a', 'é'), fc.string()), { maxLength: 20 }).map((parts) => parts.join(''));

  it('pathOfUri never throws, for any scheme and any text', () => {
    fc.assert(
      fc.property(fc.constantFrom('file:///', 'file://', 'untitled:', 'vscode-remote://ssh/', 'x:', ''), uriText, (prefix, text) => {
        assert.equal(typeof pathOfUri(prefix + text), 'string');
      }),
    );
  });

  it('decodePercent inverts encodeURIComponent and keeps what is not an escape', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => assert.equal(decodePercent(encodeURIComponent(text)), text)));
    fc.assert(fc.property(fc.string().filter((t) => !t.includes('%')), (text) => assert.equal(decodePercent(text), text)));
  });

  it('every path below a xen folder is a domain config, whatever its characters', () => {
    const segment = fc.string({ minLength: 1, unit: 'grapheme' }).filter((t) => !t.includes('/') && !t.includes('\\') && t !== '.' && t !== '..');
    fc.assert(fc.property(fc.array(segment, { maxLength: 3 }), segment, (folders, base) => assert.equal(languageForPath(['/srv', ...folders, 'xen', `${base}.cfg`].join('/')), 'xl-config')));
  });
});

describe('SARIF artifact locations, generated', () => {
  it('resolve against %SRCROOT% to the file, whatever its name', () => {
    const segment = fc.string({ minLength: 1, unit: 'grapheme' }).filter((t) => !t.includes('/') && !t.includes('\0') && t !== '.' && t !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (parts) => {
        const root = '/work/repo';
        const file = join(root, ...parts);
        const location = artifactLocation(file, root);
        assert.equal(location.uriBaseId, '%SRCROOT%');
        assert.ok(!/[\s#?%]|[^\x21-\x7e]/u.test(location.uri.replace(/%[0-9A-F]{2}/g, '')), `only escapes and printable ASCII: ${location.uri}`);
        assert.equal(fileURLToPath(new URL(location.uri, pathToFileURL(`${root}/`))), file);
      }),
    );
  });
});

describe('file patterns over names with a newline', () => {
  it('match across a folder name with a newline, as VS Code does', () => {
    assert.ok(matchesGlob('/srv/site\nA/etc/xen/vm.cfg', '**/xen/**/*.cfg'));
    assert.ok(matchesGlob('/srv/etc/xen/vm\n1.cfg', '**/xen/**/*.cfg'));
    assert.equal(languageForPath('/srv/site\nA/etc/drbd.d/r0.res'), 'drbd');
    assert.equal(languageForPath('/srv/site\nA/etc/xen/vm.cfg'), 'xl-config');
  });
});

describe('the workspace walk over a file system that refuses', () => {
  type Node = { dir?: Record<string, Node>; file?: true; link?: 'file' | 'nothing' | 'loop'; denied?: true };
  /** A virtual tree: `denied` folders cannot be listed (EACCES), `link: 'loop'` cannot be followed (ELOOP). */
  function fileSystem(tree: Record<string, Node>): WalkFileSystem {
    const at = (path: string): Node | undefined => {
      let node: Node | undefined = { dir: tree };
      for (const part of path.split('/').filter(Boolean)) node = node?.dir?.[part];
      return node;
    };
    const fail = (code: string, words: string, path: string) => Object.assign(new Error(`${code}: ${words}, scandir '${path}'`), { code });
    return {
      list: (dir) => {
        const node = at(dir);
        if (node?.denied) throw fail('EACCES', 'permission denied', dir);
        return Object.entries(node?.dir ?? {}).map(([name, child]) => ({
          name,
          isDirectory: () => child.dir !== undefined,
          isFile: () => child.file === true,
          isSymbolicLink: () => child.link !== undefined,
        }));
      },
      resolve: (path) => {
        const link = at(path)?.link;
        if (link === 'loop') throw fail('ELOOP', 'too many symbolic links encountered', path);
        return link === 'file' ? { isFile: () => true } : undefined;
      },
    };
  }

  it('reports the folder it cannot list and the links it cannot follow, and lists everything else', () => {
    const problems: WalkProblem[] = [];
    const found = walkFolder('/ws', {
      onProblem: (p) => problems.push(p),
      fileSystem: fileSystem({
        ws: {
          dir: {
            etc: {
              dir: {
                xen: { dir: { 'a.cfg': { file: true }, 'b.cfg': { link: 'file' }, 'loop.cfg': { link: 'loop' }, 'gone.cfg': { link: 'nothing' }, 'notes.txt': { link: 'loop' } } },
                'drbd.d': { denied: true, dir: { 'r0.res': { file: true } } },
                cluster: { dir: { 'cluster.conf': { file: true } } },
              },
            },
          },
        },
      }),
    });
    assert.deepEqual(
      found.map((f) => `${f.path} ${f.languageId}`),
      ['/ws/etc/cluster/cluster.conf cluster-conf', '/ws/etc/xen/a.cfg xl-config', '/ws/etc/xen/b.cfg xl-config'],
    );
    assert.deepEqual(problems, [
      { path: '/ws/etc/drbd.d', reason: 'cannot list the folder: permission denied (EACCES)' },
      { path: '/ws/etc/xen/gone.cfg', reason: 'a symbolic link to nothing' },
      { path: '/ws/etc/xen/loop.cfg', reason: 'cannot follow the symbolic link: too many symbolic links encountered (ELOOP)' },
    ]);
  });

  it('reports the top folder itself when it cannot be listed, and returns nothing', () => {
    const problems: WalkProblem[] = [];
    assert.deepEqual(walkFolder('/ws', { onProblem: (p) => problems.push(p), fileSystem: fileSystem({ ws: { denied: true, dir: {} } }) }), []);
    assert.deepEqual(problems.map((p) => p.path), ['/ws']);
  });

  it('reports a name that is not valid UTF-8 (a lossy name opens no file) and goes on', () => {
    const problems: WalkProblem[] = [];
    const entry = (name: string, kind: 'dir' | 'file') => ({ name, lossy: true, isDirectory: () => kind === 'dir', isFile: () => kind === 'file', isSymbolicLink: () => false });
    const found = walkFolder('/ws/xen', {
      onProblem: (p) => problems.push(p),
      fileSystem: {
        list: (dir) => (dir === '/ws/xen' ? [entry('caf\uFFFD.cfg', 'file'), entry('\uFFFDdir', 'dir'), { ...entry('ok.cfg', 'file'), lossy: false }] : []),
        resolve: () => undefined,
      },
    });
    assert.deepEqual(found.map((f) => f.path), ['/ws/xen/ok.cfg']);
    assert.deepEqual(problems.map((p) => p.path), ['/ws/xen/caf\uFFFD.cfg', '/ws/xen/\uFFFDdir']);
  });

  it('goes 3,000 folders deep without a stack overflow', () => {
    let tree: Record<string, Node> = { 'vm.cfg': { file: true } };
    for (let i = 0; i < 3000; i++) tree = { d: { dir: tree } };
    const found = walkFolder('/ws', { fileSystem: fileSystem({ ws: { dir: { xen: { dir: tree } } } }) });
    assert.equal(found.length, 1);
  });
});

describe('the runner over language services that throw', () => {
  const VM1 = 'file:///repo/etc/xen/vm1.cfg';
  const VM2 = 'file:///repo/etc/xen/vm2.cfg';
  function throwingRunner(settings: Settings = DEFAULT_SETTINGS) {
    const failures: RunnerFailure[] = [];
    const runner = new WorkspaceRunner({ root: '/repo', settings, services: servicesThrowingOn('BOOM'), onFailure: (f) => failures.push(f) });
    return { runner, failures, stages: () => failures.map((f) => `${f.uri} ${f.stage}`) };
  }

  it('a throwing parse: one info that says so, no facts, no editing features, reported once however often asked', () => {
    const { runner, failures, stages } = throwingRunner();
    runner.setDisk(VM1, 'xl-config', `# BOOM:parse\n${domain('vm1', '00:16:3e:00:00:01')}`);
    runner.setDisk(VM2, 'xl-config', domain('vm2', '00:16:3e:00:00:01'));
    const [notice, ...others] = runner.diagnose(VM1)!;
    assert.deepEqual(others, []);
    assert.deepEqual(notice, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: 'workspace/check-failed',
      source: 'workspace',
      message:
        "The checker failed on this file (xl-config parse threw Error: injected by XCC_TEST_THROW_ON in xl-config parse), so its problems may not all be shown. The failure is logged (the language server's output; the CLI's error line): please report it.",
    });
    assert.deepEqual(codes(runner.diagnose(VM1)), ['1:1 workspace/check-failed']);
    assert.equal(runner.served(VM1), undefined);
    assert.deepEqual(codes(runner.diagnose(VM2)), ['3:1 xl/unknown-key'], 'the file that throws takes no part in cross-file checks');
    assert.deepEqual(stages(), [`${VM1} parse`]);
    assert.equal(describeFailure(failures[0]), `xl-config parse for ${VM1} threw Error: injected by XCC_TEST_THROW_ON in xl-config parse`);
    // A new text is tried again.
    runner.setDisk(VM1, 'xl-config', domain('vm1', '00:16:3e:00:00:01'));
    assert.deepEqual(codes(runner.diagnose(VM1)), ['3:1 xl/unknown-key', '4:14 workspace/duplicate-mac']);
  });

  it('a throwing facts or validate loses that part only', () => {
    const { runner, stages } = throwingRunner();
    runner.setDisk(VM1, 'xl-config', `# BOOM:facts\n${domain('vm1', '00:16:3e:00:00:01')}`);
    runner.setDisk(VM2, 'xl-config', `# BOOM:validate\n${domain('vm2', '00:16:3e:00:00:01')}`);
    assert.deepEqual(codes(runner.diagnose(VM1)), ['1:1 workspace/check-failed', '4:1 xl/unknown-key'], 'own diagnostics, no facts: no cross-file finding');
    assert.deepEqual(codes(runner.diagnose(VM2)), ['1:1 workspace/check-failed'], 'no own diagnostics; vm1 has no facts to collide with');
    assert.match(String(runner.diagnose(VM2)![0].message), /^The checker failed on this file \(xl-config validate threw Error: injected/);
    assert.deepEqual(stages(), [`${VM1} facts`, `${VM2} validate`]);
    assert.ok(runner.served(VM1), 'the parse is there for the editing features');
  });

  it('a throwing cross-file rule loses its own findings only, reported once per workspace change', () => {
    const { runner, failures } = throwingRunner();
    // A rule of the files' own language: only those run for a file (languages/registry.ts crossFileRulesOf).
    const [rule] = crossFileRulesOf('xl-config');
    const original = rule.check;
    (rule as { check: typeof original }).check = () => {
      throw new TypeError('a rule bug');
    };
    try {
      runner.setDisk(VM1, 'xl-config', domain('vm1', '00:16:3e:00:00:01'));
      runner.setDisk(VM2, 'xl-config', domain('vm1', '00:16:3e:00:00:01'));
      const diagnostics = codes(runner.diagnose(VM1));
      assert.ok(diagnostics.includes('3:1 xl/unknown-key'));
      assert.equal(diagnostics.at(-1), '1:1 workspace/check-failed', 'the other findings, then one info for the lost ones');
      assert.match(String(runner.diagnose(VM1)!.at(-1)!.message), new RegExp(`^The checker failed on this file \\(xl-config cross-file rule ${rule.name} threw TypeError: a rule bug\\)`));
      assert.equal(failures.filter((f) => f.uri === VM1).length, 1);
      assert.equal(failures[0].stage, 'cross-file');
      assert.equal(failures[0].rule, rule.name);
      assert.match(describeFailure(failures[0]), new RegExp(`^xl-config cross-file rule ${rule.name} for ${VM1} threw TypeError: a rule bug$`));
    } finally {
      (rule as { check: typeof original }).check = original;
    }
  });

  it('the hook is off unless its variable is set', () => {
    const services = servicesFromEnvironment({});
    const doc = services('xl-config')!.parse('# BOOM:parse\n', testContext());
    assert.ok(doc.text.includes('BOOM'));
    assert.throws(() => servicesFromEnvironment({ XCC_TEST_THROW_ON: 'BOOM' })('xl-config')!.parse('# BOOM:parse\n', testContext()), /injected/);
  });
});

describe('the size limit', () => {
  const URI = 'file:///repo/etc/xen/big.cfg';
  const text = `# ${'x'.repeat(100)}\nname = "vm1"\nkernel = [\nmemroy = 1\n`;
  const limited = (maxFileSize: number) => new WorkspaceRunner({ settings: { ...DEFAULT_SETTINGS, diagnostics: { maxFileSize } } });

  it('past it: one info at line 1, then the syntax errors, and no facts', () => {
    const runner = limited(100);
    runner.setDisk(URI, 'xl-config', text);
    const diagnostics = runner.diagnose(URI)!;
    assert.deepEqual(codes(diagnostics), ['1:1 workspace/file-too-large', '4:1 xl/syntax']);
    assert.equal(diagnostics[0].severity, 3);
    assert.equal(runner.workspace.factsOf(URI), undefined);
  });

  it('at it, or with 0, or with no setting: full checks', () => {
    const size = Buffer.byteLength(text);
    for (const runner of [limited(size), limited(0), new WorkspaceRunner({ settings: { xen: DEFAULT_SETTINGS.xen, drbd: DEFAULT_SETTINGS.drbd } })]) {
      runner.setDisk(URI, 'xl-config', text);
      assert.ok(codes(runner.diagnose(URI)).includes('4:1 xl/unknown-key'));
      assert.ok(runner.workspace.factsOf(URI));
    }
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const runner = limited(150);
    runner.setDisk(URI, 'xl-config', `# ${'é'.repeat(70)}\nname = "vm1"\n`);
    assert.deepEqual(codes(runner.diagnose(URI)), ['1:1 workspace/file-too-large']);
  });

  it('reads the setting from the client: a whole number of bytes, else the default', () => {
    assert.equal(settingsFromClient({ diagnostics: { maxFileSize: 1000 } }).diagnostics?.maxFileSize, 1000);
    assert.equal(settingsFromClient({ diagnostics: { maxFileSize: 0 } }).diagnostics?.maxFileSize, 0);
    for (const bad of [-1, 1.5, '4MB', null]) assert.equal(settingsFromClient({ diagnostics: { maxFileSize: bad } }).diagnostics?.maxFileSize, 4 * 1024 * 1024);
    assert.equal(settingsFromClient(undefined).diagnostics?.maxFileSize, 4 * 1024 * 1024);
  });

  it('names sizes the way people read them', () => {
    assert.deepEqual([512, 1024, 1536, 4 * 1024 * 1024, 20.5 * 1024 * 1024].map(formatBytes), ['512 bytes', '1 KB', '1.5 KB', '4 MB', '20.5 MB']);
  });
});

describe('reading a config file from disk', () => {
  it('drops a UTF-8 byte order mark, and refuses a FIFO at once instead of blocking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xcc-read-'));
    try {
      writeFileSync(join(dir, 'bom.cfg'), '\uFEFFname = "a"\n');
      assert.equal(readConfigFileSync(join(dir, 'bom.cfg')), 'name = "a"\n');
      assert.equal(await readConfigFile(join(dir, 'bom.cfg')), 'name = "a"\n');
      assert.equal(stripBom('a\uFEFF'), 'a\uFEFF', 'only a leading one');
      assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.cfg')]).status, 0);
      assert.throws(() => readConfigFileSync(join(dir, 'pipe.cfg')), (e: unknown) => e instanceof UnreadableFile && e.reason === 'a FIFO, not a regular file');
      await assert.rejects(readConfigFile(join(dir, 'pipe.cfg')), (e: unknown) => e instanceof UnreadableFile && e.reason === 'a FIFO, not a regular file');
      assert.throws(() => readConfigFileSync(join(dir, 'missing.cfg')), (e: unknown) => e instanceof UnreadableFile && e.reason === 'no such file or directory (ENOENT)');
      assert.throws(() => readConfigFileSync(dir), (e: unknown) => e instanceof UnreadableFile && e.reason === 'a folder, not a regular file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
