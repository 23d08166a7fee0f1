/**
 * The guest checks: which guest an iftab belongs to, and its MACs against
 * that guest's vifs. They are cross-file rules, run here as the server and
 * the CLI run them: the file's facts and the other files' in a
 * WorkspaceIndex, the file's own diagnostics and the cross-file ones together.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { iftabService } from '../../../server/src/languages/iftab';
import { crossFileRulesOf } from '../../../server/src/languages/registry';
import { crossFileDiagnostics } from '../../../server/src/workspace/crossFile';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { REPO_ROOT } from '../../helpers/fixtures';
import { inOrder, lineRange, summary, TestOptions } from '../../helpers/languageTester';
import { applyEdits, editsOf } from '../../helpers/lspClient';
import { EXAMPLE_DOMAINS, iftab, IN_GUEST } from './helpers';

/** What the user sees for the iftab: its own diagnostics and the cross-file ones, in document order. */
function published(text: string, options: TestOptions = {}) {
  const ctx = iftab.context(options);
  const doc = iftabService.parse(text, ctx);
  const index = new WorkspaceIndex('/repo');
  for (const other of options.others ?? []) index.update(other.uri, other.facts, false);
  const facts = iftabService.facts(doc, ctx);
  index.update(ctx.uri, facts, true);
  const diagnostics = inOrder([...iftabService.validate(doc, ctx), ...crossFileDiagnostics(ctx.uri, facts, index.model(), crossFileRulesOf('iftab'))]);
  return { ctx, doc, diagnostics };
}

const check = (text: string, options?: TestOptions) => published(text, options).diagnostics.map(summary);

/** Applies the code action titled `title` at `range`, given the diagnostics published there, as an editor does. */
function fix(text: string, range: Range, title: string, options?: TestOptions): string {
  const { ctx, doc, diagnostics } = published(text, options);
  const there = diagnostics.filter((d) => d.range.start.line === range.start.line);
  const actions = iftabService.codeActions(doc, range, there, ctx);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return applyEdits(text, editsOf(action, ctx.uri));
}

describe('iftab in a guest tree', () => {
  it('hints at a MAC outside the Xen range and offers the vif MAC of the same index', () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\neth1 mac 52:54:00:12:34:56\n';
    const { diagnostics } = published(text, IN_GUEST);
    assert.deepEqual(diagnostics.map(summary), ['1:1-5 hint iftab/unreliable-name', '2:10-27 hint iftab/mac-outside-xen-range']);
    assert.equal(diagnostics[1].message, "52:54:00:12:34:56 is outside the Xen range 00:16:3e, but this iftab belongs to guest 'vm01-web', whose vifs normally carry 00:16:3e addresses; vif 1 of its config has 00:16:3e:00:02:01");
    assert.equal(diagnostics[1].source, 'iftab');
    assert.deepEqual(diagnostics[1].relatedInformation, [{ location: { uri: 'file:///repo/etc/xen/vm01-web.cfg', range: lineRange(3, 1, 2) }, message: "vif 1 of 'vm01-web'" }]);
    assert.equal(fix(text, lineRange(2, 10, 27), "Use vif 1's MAC '00:16:3e:00:02:01'", IN_GUEST), 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('recognises a guest tree by its path alone, and by a MAC a workspace domain carries', () => {
    assert.deepEqual(check('lan0 mac 52:54:00:12:34:56\n', { path: '/srv/guests/web/etc/iftab' }), ['1:10-27 hint iftab/mac-outside-xen-range']);
    assert.deepEqual(check('lan0 mac 00:16:3e:00:01:02\nlan1 mac 52:54:00:12:34:56\n', { path: '/tmp/iftab', others: EXAMPLE_DOMAINS }), ['2:10-27 hint iftab/mac-outside-xen-range']);
  });

  it('says the message without a vif where the path names the guest and no domain config is known', () => {
    const [hint] = published('eth1 mac 52:54:00:12:34:56\n', { path: '/srv/guests/web/etc/iftab' }).diagnostics;
    assert.equal(hint.message, "52:54:00:12:34:56 is outside the Xen range 00:16:3e, but this iftab belongs to guest 'web', whose vifs normally carry 00:16:3e addresses");
    assert.deepEqual(iftabService.codeActions(iftab.parse('eth1 mac 52:54:00:12:34:56\n'), hint.range, [hint], iftab.context({ path: '/srv/guests/web/etc/iftab' })), []);
  });

  it('takes a folder named like a workspace domain over the guests/NAME/ folder, and names a domain found by MAC', () => {
    const text = 'eth0 mac 00:16:3e:00:01:02\neth1 mac 00:16:3e:00:02:99\n';
    const notOnGuest = (options: TestOptions) => published(text, options).diagnostics.filter((d) => d.code === 'iftab/mac-not-on-guest').map((d) => d.message);
    assert.deepEqual(notOnGuest({ path: '/srv/vm01-web/guests/web/etc/iftab', others: EXAMPLE_DOMAINS }), [
      "no vif of 'vm01-web' has 00:16:3e:00:01:02, so this line never applies; vif 0 has 00:16:3e:00:01:01",
      "no vif of 'vm01-web' has 00:16:3e:00:02:99, so this line never applies; vif 1 has 00:16:3e:00:02:01",
    ]);
    assert.deepEqual(notOnGuest({ path: '/tmp/iftab', others: EXAMPLE_DOMAINS }), ["no vif of 'vm02-db' has 00:16:3e:00:02:99, so this line never applies"]);
  });

  it("warns about a Xen MAC no vif of the guest carries (a vif changed, the iftab did not) and offers vif N's", () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:99\n';
    const { diagnostics } = published(text, IN_GUEST);
    assert.deepEqual(diagnostics.map(summary), ['1:1-5 hint iftab/unreliable-name', '2:10-27 warning iftab/mac-not-on-guest']);
    assert.equal(diagnostics[1].message, "no vif of 'vm01-web' has 00:16:3e:00:02:99, so this line never applies; vif 1 has 00:16:3e:00:02:01");
    assert.equal(fix(text, lineRange(2, 10, 27), "Use vif 1's MAC '00:16:3e:00:02:01'", IN_GUEST), 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it("checks every MAC of a line, and leaves the null and multicast MACs to the file's own checks", () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\nlan0 mac 00:16:3e:00:02:01 mac 52:54:00:12:34:56\nlan1 mac 00:00:00:00:00:00\nlan2 mac 01:00:5e:00:00:01\n';
    assert.deepEqual(check(text, IN_GUEST), ['1:1-5 hint iftab/unreliable-name', '2:32-49 hint iftab/mac-outside-xen-range', '3:10-27 warning iftab/null-mac', '4:10-27 warning iftab/multicast-mac']);
  });

  it('stays quiet about vendor MACs in a host iftab', () => {
    assert.deepEqual(check('lan0 mac 52:54:00:12:34:56\n'), []);
  });
});

describe('the example workspace', () => {
  it("vm01-web's iftab matches its vifs and only carries ifrename's eth0 hint", () => {
    const path = join(REPO_ROOT, 'examples', 'guests', 'vm01-web', 'etc', 'iftab');
    assert.deepEqual(check(readFileSync(path, 'utf8'), { path, others: EXAMPLE_DOMAINS }), ['4:1-5 hint iftab/unreliable-name']);
  });
});
