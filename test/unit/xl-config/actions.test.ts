/** Every quick fix edits exactly the right characters. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { lineRange, TestOptions } from '../../helpers/languageTester';
import { applyEdits } from '../../helpers/lspClient';
import { everyAction, fixtureConfigs, otherDomain, problems, PV_HEAD, xl } from './helpers';

/** The quick fixes of the (first) diagnostic with `code`, offered on its range, and the text after each. */
function fixes(text: string, code: string, options: TestOptions = {}): { title: string; result: string; edits: string }[] {
  const diagnostic = xl.diagnostics(text, options).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const { uri } = xl.context(options);
  return xl
    .actions(text, diagnostic.range, options)
    .filter((a) => a.diagnostics?.some((d) => d.code === code))
    .map((a) => describeAction(a, text, uri));
}

function describeAction(action: CodeAction, text: string, uri: string) {
  const edits = action.edit?.changes?.[uri] ?? [];
  const at = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  return { title: action.title, result: applyEdits(text, edits), edits: edits.map((e) => `${at(e.range)}=${JSON.stringify(e.newText)}`).join(' ') };
}

describe('xl-config quick fixes', () => {
  it('unknown key: one action per did-you-mean candidate, replacing only the key', () => {
    const text = `${PV_HEAD}vcpu = 2\n`;
    assert.deepEqual(fixes(text, 'xl/unknown-key').map((f) => [f.title, f.edits]), [
      ["Change to 'vcpus'", '4:1-4:5="vcpus"'],
      ["Change to 'acpi'", '4:1-4:5="acpi"'],
      ["Change to 'cpus'", '4:1-4:5="cpus"'],
    ]);
  });

  it('builder = "hvm" becomes type = "hvm"', () => {
    const [fix] = fixes('name = "w"\nbuilder = \'hvm\'\nmemory = 512\n', 'xl/deprecated-key');
    assert.equal(fix.title, `Replace with 'type = "hvm"'`);
    assert.equal(fix.result, 'name = "w"\ntype = "hvm"\nmemory = 512\n');
  });

  it('a key xl ignores: delete its line', () => {
    const [fix] = fixes('name = "w"\ntype = "hvm"\ndevice_model = "/usr/lib/xen/bin/qemu-dm"\nmemory = 512\n', 'xl/deprecated-key');
    assert.deepEqual([fix.title, fix.edits], ['Delete this line', '3:1-4:1=""']);
    assert.equal(fix.result, 'name = "w"\ntype = "hvm"\nmemory = 512\n');
  });

  it('kernel = hvmloader in an HVM guest: delete the line', () => {
    const [fix] = fixes('name = "w"\ntype = "hvm"\nkernel = "/usr/lib/xen/boot/hvmloader"\n', 'xl/hvmloader-kernel');
    assert.equal(fix.result, 'name = "w"\ntype = "hvm"\n');
  });

  it('the removed pvh = 1 becomes type = "pvh", stdvga = 1 becomes vga = "stdvga"', () => {
    assert.equal(fixes(`${PV_HEAD}pvh = 1\n`, 'xl/removed-key')[0].result, `${PV_HEAD}type = "pvh"\n`);
    assert.equal(fixes('name = "w"\ntype = "hvm"\nstdvga = 1\n', 'xl/deprecated-key')[0].result, 'name = "w"\ntype = "hvm"\nvga = "stdvga"\n');
  });

  it('an unknown vif key: its did-you-mean candidates', () => {
    assert.deepEqual(fixes(`${PV_HEAD}vif = [ 'brigde=xenbr1' ]\n`, 'xl/vif-unknown-key').map((f) => f.edits), ['4:10-4:16="bridge"']);
  });

  it('enum value: the did-you-mean candidates, with quotes', () => {
    assert.deepEqual(fixes(`${PV_HEAD}on_crash = "restrat"\n`, 'xl/enum-value').map((f) => f.edits), ['4:12-4:21="\\"restart\\""', '4:12-4:21="\\"destroy\\""']);
  });

  it("disk access: replace w! with w or r, each its own action", () => {
    const text = `${PV_HEAD}disk = [ 'phy:/dev/vg/san,hdd,w!' ]\n`;
    const found = fixes(text, 'xl/disk-access').filter((f) => f.title.startsWith('Use access'));
    assert.deepEqual(found.map((f) => [f.title, f.edits]), [
      ["Use access mode 'w' (read-write)", '4:31-4:33="w"'],
      ["Use access mode 'r' (read-only)", '4:31-4:33="r"'],
    ]);
  });

  it('rewrites a legacy disk spec in key=value form (refactoring offered with the fix and on its own)', () => {
    const text = `${PV_HEAD}disk = [ 'phy:/dev/vg/xen1,hda,w', 'file:/iso/x.iso,hdc:cdrom,r', 'drbd:r0,xvdb,w', 'tap:qcow2:/img/a.q,xvdc,w' ]\n`;
    const ctx = xl.context();
    const whole = { start: { line: 3, character: 0 }, end: { line: 3, character: 200 } };
    const rewrites = xlConfigService.codeActions(xl.parse(text), whole, [], ctx).map((a) => describeAction(a, text, ctx.uri));
    assert.deepEqual(rewrites.map((r) => r.title), [
      "Rewrite disk spec as 'vdev=hda, access=w, target=/dev/vg/xen1'",
      "Rewrite disk spec as 'vdev=hdc, access=r, devtype=cdrom, target=/iso/x.iso'",
      "Rewrite disk spec as 'vdev=xvdb, access=w, script=block-drbd, target=r0'",
      "Rewrite disk spec as 'format=qcow2, vdev=xvdc, access=w, target=/img/a.q'",
    ]);
    assert.equal(rewrites[0].edits, '4:11-4:33="vdev=hda, access=w, target=/dev/vg/xen1"');
  });

  it('MAC outside the Xen range: keep the last three octets in 00:16:3e, or a fresh random one unused in the workspace', () => {
    const others = [otherDomain('file:///etc/xen/b.cfg', { macs: ['00:16:3e:00:01:01'] })];
    const text = `${PV_HEAD}vif = [ 'mac=00:00:00:12:34:56' ]\n`;
    const found = fixes(text, 'xl/vif-mac-not-xen', { others });
    assert.deepEqual([found[0].title, found[0].edits], ["Move the MAC into the Xen range: '00:16:3e:12:34:56'", '4:14-4:31="00:16:3e:12:34:56"']);
    assert.match(found[1].title, /^Use a new random Xen MAC '00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}'$/);
    assert.match(found[1].edits, /^4:14-4:31="00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}"$/);
    assert.notEqual(found[1].edits, '4:14-4:31="00:16:3e:00:01:01"');
  });

  it('a vif without MAC: insert a fresh fixed one first in the spec', () => {
    const [empty] = fixes(`${PV_HEAD}vif = [ "" ]\n`, 'xl/vif-no-mac');
    assert.match(empty.title, /^Add a fixed Xen MAC '00:16:3e:[0-9a-f:]{8}'$/);
    assert.match(empty.edits, /^4:10-4:10="mac=00:16:3e:[0-9a-f:]{8}"$/);
    const [bridged] = fixes(`${PV_HEAD}vif = [ 'bridge=xenbr1' ]\n`, 'xl/vif-no-mac');
    assert.match(bridged.result, /^vif = \[ 'mac=00:16:3e:[0-9a-f:]{8}, bridge=xenbr1' \]$/m);
  });

  it('typographic quotes: each one replaced by its ASCII twin', () => {
    const text = `${PV_HEAD}vif = [ \u2018mac=00:16:3e:00:01:01\u2019 ]\n`;
    const [fix] = fixes(text, 'xl/typographic-quote');
    assert.equal(fix.edits, '4:9-4:10="\'" 4:31-4:32="\'"');
    assert.equal(fix.result, `${PV_HEAD}vif = [ 'mac=00:16:3e:00:01:01' ]\n`);
  });

  it('a CD-ROM given write access: make it r', () => {
    const [fix] = fixes(`${PV_HEAD}disk = [ 'file:/i.iso,hdc:cdrom,w' ]\n`, 'xl/disk-cdrom-writable');
    assert.deepEqual([fix.title, fix.edits], ["Use access mode 'r' (read-only)", '4:33-4:34="r"']);
  });

  it('needs no data from the client: the fix comes from the analysis of the file, whatever diagnostics it sends', () => {
    const text = `${PV_HEAD}memroy = 64\n`;
    const ctx = xl.context();
    const doc = xl.parse(text);
    const [diagnostic] = xl.diagnostics(text).filter((d) => d.code === 'xl/unknown-key');
    const withoutData = { ...diagnostic, data: undefined };
    const actions = xlConfigService.codeActions(doc, diagnostic.range, [withoutData], ctx);
    assert.equal(actions[0].title, "Change to 'memory'");
    assert.equal(xlConfigService.codeActions(doc, diagnostic.range, [], ctx)[0].title, "Change to 'memory'");
  });

  it('a MAC another domain also uses (a cross-file diagnostic the client sends back): a fresh Xen MAC unused in the workspace', () => {
    const text = `${PV_HEAD}vif = [ 'mac=00:16:3e:00:01:01' ]\n`;
    const range = lineRange(4, 14, 31);
    const duplicate: Diagnostic = { range, severity: 2, code: 'workspace/duplicate-mac', source: 'workspace', message: 'MAC 00:16:3e:00:01:01 is also given to a vif of domain …' };
    const ctx = xl.context({ others: [otherDomain('file:///etc/xen/b.cfg', { macs: ['00:16:3e:00:01:01'] })] });
    const actions = xlConfigService.codeActions(xl.parse(text), range, [duplicate], ctx);
    const [fix, ...more] = actions.filter((a) => a.diagnostics?.includes(duplicate)).map((a) => describeAction(a, text, ctx.uri));
    assert.deepEqual(more, []);
    assert.match(fix.title, /^Use a new random Xen MAC '00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}'$/);
    assert.match(fix.edits, /^4:14-4:31="00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}"$/);
    assert.notEqual(fix.edits, '4:14-4:31="00:16:3e:00:01:01"');
  });
});

describe('generate iftab for this guest', () => {
  const text = `name = "vm01-web"\nkernel = "/k"\nvif = [ 'mac=00:16:3e:00:01:01, bridge=xenbr0', 'mac=00:16:3e:00:02:01' ]\n`;
  const onVif: Range = { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } };
  const path = '/repo/etc/xen/vm01-web.cfg';
  const titles = (options: TestOptions, range: Range) => {
    const ctx = xl.context({ path, ...options });
    return xlConfigService.codeActions(xl.parse(text, { path }), range, [], ctx).map((a: CodeAction) => a.title);
  };

  it('is offered on the vif setting and creates guests/NAME/etc/iftab with the vifs in order', () => {
    const ctx = xl.context({ path });
    const [action] = xlConfigService.codeActions(xl.parse(text, { path }), onVif, [], ctx);
    assert.equal(action.title, "Generate iftab for 'vm01-web' (2 vifs)");
    const [create, fill] = action.edit!.documentChanges! as [{ kind: string; uri: string; options?: unknown }, { edits: { newText: string }[] }];
    assert.deepEqual(create, { kind: 'create', uri: 'file:///repo/guests/vm01-web/etc/iftab' }, 'never overwrites an existing file');
    assert.equal(fill.edits[0].newText.split('\n').slice(1).join('\n'), 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('is not offered elsewhere in the file, nor when the guest already has an indexed iftab', () => {
    assert.deepEqual(titles({}, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }), []);
    const others = [{ uri: 'file:///repo/guests/vm01-web/etc/iftab', facts: { iftab: [] } as FileFacts }];
    assert.deepEqual(titles({ others }, onVif), []);
  });
});

/** Where `after` differs from `before` (offsets in `after`). */
function changedSpan(before: string, after: string): { start: number; end: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: after.length - tail };
}

describe('every quick fix of every fixture', () => {
  const errors = (text: string, options: TestOptions) => xl.diagnostics(text, options).filter((d) => d.severity === 1);
  const countOf = (text: string, options: TestOptions, code: string) => xl.diagnostics(text, options).filter((d) => d.code === code).length;

  it('leaves a file with no new error, and repairs what it says it repairs (refactorings change no finding)', () => {
    const broken: string[] = [];
    let tried = 0;
    for (const { name, path, text } of fixtureConfigs()) {
      const options = { path };
      const before = errors(text, options).length;
      const findings = xl.check(text, options).map((s) => s.replace(/^\S+ /, '')).sort();
      for (const action of everyAction(text, options)) {
        tried++;
        const after = errors(action.result, options).length;
        if (after > before) broken.push(`${name}: "${action.title}" leaves ${after} errors (was ${before}): ${problems(action.result, options).filter((p) => / error /.test(p)).join(' | ')}`);
        for (const code of new Set(action.fixes)) {
          if (countOf(action.result, options, code) >= countOf(text, options, code)) broken.push(`${name}: "${action.title}" leaves every ${code}`);
        }
        if (action.fixes.length === 0) {
          // A refactoring: the same findings, and no error at all on the lines it rewrote.
          const rewritten = xl.check(action.result, options).map((s) => s.replace(/^\S+ /, '')).sort();
          if (rewritten.join() !== findings.join()) broken.push(`${name}: "${action.title}" changes the findings: ${rewritten.join(', ')}`);
          const changed = changedSpan(text, action.result);
          const doc = xl.parse(action.result, options);
          const inside = errors(action.result, options).filter((d) => doc.lines.offsetAt(d.range.end) > changed.start && doc.lines.offsetAt(d.range.start) < changed.end);
          if (inside.length) broken.push(`${name}: "${action.title}" rewrites text that stays wrong: ${inside.map((d) => d.message).join(' | ')}`);
        }
      }
    }
    assert.ok(tried > 40, `only ${tried} actions on the fixtures`);
    assert.deepEqual(broken, []);
  });

  it("xm's w!: the access fix makes a valid disk; the key=value rewrite is not offered until then (it would keep w!)", () => {
    const text = `${PV_HEAD}disk = [ 'phy:/dev/vg/san,hdd,w!' ]\n`;
    const titles = xl.actions(text, lineRange(4, 1, 40)).map((a) => a.title);
    assert.deepEqual(titles, ["Use access mode 'w' (read-write)", "Use access mode 'r' (read-only)"]);
    const fixed = xl.fix(text, lineRange(4, 31, 33), "Use access mode 'w' (read-write)");
    assert.deepEqual(problems(fixed), []);
    assert.equal(xl.fix(fixed, lineRange(4, 1, 40), "Rewrite disk spec as 'vdev=hdd, access=w, target=/dev/vg/san'"), `${PV_HEAD}disk = [ 'vdev=hdd, access=w, target=/dev/vg/san' ]\n`);
  });
});
