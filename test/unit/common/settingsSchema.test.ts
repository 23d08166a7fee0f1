/**
 * The settings schemas of package.json say in settings.json what the extension says elsewhere:
 * `xenConfig.dom0.hosts` rejects exactly the host entries the dom0 explorer flags (its parser,
 * shared/src/dom0/hosts.ts), and `xenConfig.xen.version` offers the releases the xl key tables know.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareVersions } from '../../../server/src/common/version';
import { DEVICE_SPECS, DOMAIN_KEYS, XL_CONF_KEYS } from '../../../server/src/languages/xl-config/schema';
import { HostSetting, parseHostSetting } from '../../../shared/src/dom0/hosts';
import { REPO_ROOT } from '../../helpers/fixtures';
import { JsonSchema, validates } from '../../helpers/jsonSchema';

const properties = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, JsonSchema & Record<string, unknown>>;
const hostsSchema = properties['xenConfig.dom0.hosts'];
const accepts = (entry: unknown) => validates(hostsSchema, [entry]);
const explorerAccepts = (entry: unknown) => parseHostSetting(entry as HostSetting).ok;

/** Host entries as users write them, good and bad; each is also tried as an object's "host". */
const DESTINATIONS = [
  'an-node01', 'root@an-node01', 'root@an-node01.alteeve.com', 'admin@10.20.0.1:2222', 'an-node01:22', ' root@an-node01 ',
  '[::1]', '[::1]:2222', 'root@[fe80::1%eth0]:22', '_gateway', 'user.name@host_1', 'h:00022', 'h:65535', 'h:1',
  '', '   ', 'root@', '@host', 'a@b@c', '-oProxyCommand=sh', 'root@-host', '-user@host', 'host:0', 'host:65536', 'host:',
  'host:22:33', 'host:022222', 'host:2x', 'host name', 'host;reboot', 'host$(id)', '[::1', '[::1]x', '[zz::1]', '[]', '[::1]:',
  'röot@host', 'host\n', '\thost\t', 'host/x', 'ho`st',
];

describe('the xenConfig.dom0.hosts schema', () => {
  it('rejects the host entries the explorer flags and accepts those it accepts', () => {
    for (const destination of DESTINATIONS) {
      assert.equal(accepts(destination), explorerAccepts(destination), JSON.stringify(destination));
      assert.equal(accepts({ host: destination }), explorerAccepts({ host: destination }), JSON.stringify({ host: destination }));
    }
  });

  it('agrees with the explorer on random destinations', () => {
    const piece = fc.constantFrom('root', 'an-node01', '@', ':', '[', ']', '::1', '22', '0', '65535', '65536', '-', '.', '_', ' ', '%eth0', 'x', '9');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), (destination) => accepts(destination) === explorerAccepts(destination)),
      { numRuns: 3000 },
    );
  });

  it('checks the object form: toolstack, name, the host required', () => {
    const cases: [unknown, boolean][] = [
      [{ host: 'root@an-node01', name: 'node 1', toolstack: 'xm' }, true],
      [{ host: 'root@an-node01', toolstack: 'auto' }, true],
      [{ host: 'root@an-node01', toolstack: 'XL' }, false],
      [{ host: 'root@an-node01', toolstack: 'xend' }, false],
      [{ name: 'no host' }, false],
      [{ host: 22 }, false],
      [42, false],
      [null, false],
      [['root@an-node01'], false],
    ];
    for (const [entry, valid] of cases) {
      assert.equal(accepts(entry), valid, JSON.stringify(entry));
      assert.equal(explorerAccepts(entry), valid, `the explorer on ${JSON.stringify(entry)}`);
    }
  });

  it('is stricter in one thing only: a key the explorer would ignore (a typo such as "toolstak") is flagged', () => {
    const typo = { host: 'root@an-node01', toolstak: 'xm' };
    assert.equal(explorerAccepts(typo), true);
    assert.equal(accepts(typo), false);
  });

  it('checks the string and the object form with the same destination schema', () => {
    const [asString, asObject] = hostsSchema.items!.anyOf!;
    assert.deepEqual(asObject.properties!.host, asString);
  });
});

/** Every release the xl tables name (a key's first or last release, a value's removal), as "4.N". */
function releasesInTables(): string[] {
  const named = new Set<string>();
  const add = (version?: string) => version && named.add(version);
  for (const table of [DOMAIN_KEYS, XL_CONF_KEYS]) {
    for (const key of table.values()) {
      add(key.since);
      add(key.until);
      Object.values(key.removedSince ?? {}).forEach(add);
    }
  }
  for (const spec of DEVICE_SPECS.values()) for (const subKey of spec.subKeys.values()) add(subKey.since);
  return [...named].sort(compareVersions);
}

describe('the xenConfig.xen.version schema', () => {
  it('offers every Xen release from the oldest to the newest the xl tables know', () => {
    const named = releasesInTables();
    assert.ok(named.every((version) => /^4\.\d+$/.test(version)), `only 4.x releases: ${named.join(', ')}`);
    const minor = (version: string) => Number(version.split('.')[1]);
    const releases: string[] = [];
    for (let n = minor(named[0]); n <= minor(named[named.length - 1]); n++) releases.push(`4.${n}`);
    assert.deepEqual(properties['xenConfig.xen.version'].enum, releases);
  });

  it('has its default among them', () => {
    const version = properties['xenConfig.xen.version'];
    assert.ok(version.enum!.includes(version.default));
  });
});
