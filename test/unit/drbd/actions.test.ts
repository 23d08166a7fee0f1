import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import type { TestOptions } from '../../helpers/languageTester';
import { checkPublished, dialect, drbd, fixPublished, HOSTS, published, resource } from './helpers';

/** Where the first published diagnostic with `code` is: the editor asks for its fixes there. */
function where(text: string, code: string, options?: TestOptions) {
  const found = published(text, options).find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} diagnostic`);
  return found.range;
}

const FENCING = 'drbd/dual-primary-without-fencing';

describe('drbd quick fixes', () => {
  it('adds the fencing policy and a fence-peer handler to the seed 003 dual-primary resource', () => {
    const seed = readFixture('drbd', 'seed-003-r0.res');
    const fixed = fixPublished(seed, where(seed, FENCING), 'Add fencing for dual-primary (cman/rgmanager: rhcs_fence)');
    const added = '        disk {\n                fencing resource-and-stonith;\n        }\n        handlers {\n                fence-peer "/usr/lib/drbd/rhcs_fence";\n        }\n}\n';
    assert.equal(fixed, seed.replace(/\}\n$/, added));
    assert.deepEqual(checkPublished(fixed), []);
  });

  it('offers the Pacemaker handler too, and completes an existing disk section', () => {
    const text = resource('  net { allow-two-primaries; }\n  disk {\n    on-io-error detach;\n  }');
    const fixed = fixPublished(text, where(text, FENCING), 'Add fencing for dual-primary (Pacemaker: crm-fence-peer.sh)');
    assert.equal(fixed, text.replace('    on-io-error detach;\n  }\n', '    on-io-error detach;\n    fencing resource-and-stonith;\n  }\n  handlers {\n    fence-peer "/usr/lib/drbd/crm-fence-peer.sh";\n  }\n'));
  });

  it('replaces a weaker fencing policy instead of adding a second one', () => {
    const text = resource('  net { allow-two-primaries; }\n  disk { fencing resource-only; }\n  handlers { fence-peer "/usr/lib/drbd/rhcs_fence"; }');
    const fixed = fixPublished(text, where(text, FENCING), 'Add fencing for dual-primary (cman/rgmanager: rhcs_fence)');
    assert.equal(fixed, text.replace('fencing resource-only;', 'fencing resource-and-stonith;'));
  });

  it('moves 8.3 syncer options to their 8.4 sections', () => {
    const text = 'resource r0 {\n  disk {\n    on-io-error detach;\n  }\n  syncer {\n    rate 40M;\n    verify-alg sha1;\n    al-extents 257;\n  }\n' + HOSTS + '\n}\n';
    const fixed = drbd.fix(text, where(text, 'drbd/moved-option', dialect('8.4')), "Move the 'syncer' options to their DRBD 8.4 sections", dialect('8.4'));
    assert.equal(
      fixed,
      'resource r0 {\n  disk {\n    on-io-error detach;\n    resync-rate 40M;\n    al-extents 257;\n  }\n' + HOSTS + '\n  net {\n    verify-alg sha1;\n  }\n}\n',
    );
    assert.deepEqual(checkPublished(fixed, dialect('8.4')), []);
  });

  it('rewrites an 8.3 flag as the 8.4 boolean', () => {
    const text = resource('  disk { no-disk-flushes; }');
    assert.equal(drbd.fix(text, where(text, 'drbd/moved-option', dialect('8.4')), "Write 'disk-flushes no'", dialect('8.4')), text.replace('no-disk-flushes', 'disk-flushes no'));
  });

  it('moves a resource-level protocol into net', () => {
    const text = `resource r0 {\n  protocol C;\n${HOSTS}\n}\n`;
    assert.equal(drbd.fix(text, where(text, 'drbd/moved-option', dialect('8.4')), "Move 'protocol' into the 'net' section", dialect('8.4')), `resource r0 {\n${HOSTS}\n  net {\n    protocol C;\n  }\n}\n`);
  });

  it('applies each did-you-mean', () => {
    const fix = (text: string, code: string, title: string) => drbd.fix(text, where(text, code), title);
    assert.equal(fix(resource('  net { allow-two-primarie; }'), 'drbd/unknown-option', "Change to 'allow-two-primaries'"), resource('  net { allow-two-primaries; }'));
    assert.equal(fix(resource('  nett { protocol C; }'), 'drbd/unknown-section', "Change to 'net'"), resource('  net { protocol C; }'));
    assert.equal(fix(resource('  net { after-sb-0pri disconect; }'), 'drbd/invalid-value', "Change to 'disconnect'"), resource('  net { after-sb-0pri disconnect; }'));
  });

  it("inserts a missing ';' right after the value", () => {
    const text = resource('  net {\n    max-buffers 8000\n    protocol C;\n  }');
    assert.equal(drbd.fix(text, where(text, 'drbd/missing-semicolon'), "Insert the missing ';'"), text.replace('8000', '8000;'));
  });

  it('adds fencing to a dual-primary common section', () => {
    const text = 'common {\n  net {\n    allow-two-primaries;\n  }\n}\n';
    const fixed = drbd.fix(text, where(text, FENCING), 'Add fencing for dual-primary (cman/rgmanager: rhcs_fence)');
    assert.equal(fixed, 'common {\n  net {\n    allow-two-primaries;\n  }\n  disk {\n    fencing resource-and-stonith;\n  }\n  handlers {\n    fence-peer "/usr/lib/drbd/rhcs_fence";\n  }\n}\n');
    assert.deepEqual(checkPublished(fixed), []);
  });

  it('offers the fencing fix once when the editor also sends the common warning back', () => {
    const text = 'common {\n  net {\n    allow-two-primaries;\n  }\n}\n';
    const at = where(text, FENCING);
    assert.deepEqual(drbd.actions(text, at).map((a) => a.title), ['Add fencing for dual-primary (cman/rgmanager: rhcs_fence)', 'Add fencing for dual-primary (Pacemaker: crm-fence-peer.sh)']);
  });
});
