/**
 * The proof of `migrate --to xl` and `--to xl.conf` with the real xl (shared/oracles/xl-oracle:
 * libxlutil and `xl -N create` of Xen 4.17): every converted domain config that needs no person is
 * accepted, and where xl also accepts the original, both give the same name, UUID, memory, vCPUs,
 * disks, vifs and boot settings; every converted xl.conf is read by libxlutil and has only xl.conf(5)
 * keys. Skips, saying why, where the oracle is not installed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { XL_CONF_KEYS } from '../../../server/src/languages/xl-config/schema';
import { convertXm } from '../../../server/src/migrate/xl';
import { convertXendConfig } from '../../../server/src/migrate/xlConf';
import { fixtureFiles } from '../../helpers/fixtures';
import { comparableDomain } from '../../helpers/xlDomain';
import { inPool, runOracle, XL_ORACLE } from '../xl-config/oracle';

interface Full {
  valid: boolean | null;
  unavailable?: string;
  libxlu?: { valid?: boolean; settings?: Record<string, unknown> };
  xl?: { domain_config?: unknown; messages: string[] };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'migrate-oracle-'));
const oracle = async (path: string) => (await runOracle(path)) as unknown as Full;

describe('migrate --to xl: the real xl accepts the result and reads the same domain', () => {
  const files = [...fixtureFiles('migrate', 'xm'), ...fixtureFiles('xl-config', 'corpus'), ...fixtureFiles('xl-config', 'seeds')].filter((f) => !/\.md$|xl\.conf$/.test(f));

  it(`on ${files.length} xm-era and xl configs`, async (t) => {
    if (!XL_ORACLE) return t.skip('xl oracle not found (set XEN_CONFIG_ORACLES or install ../shared/oracles)');
    const dir = scratch();
    const outcomes = await inPool(files, 2, async (file, index) => {
      const result = convertXm(readFileSync(file, 'utf8'), { path: file });
      const needsPerson = result.notes.some((n) => n.kind === 'manual');
      const converted = join(dir, `${index}.cfg`);
      writeFileSync(converted, result.outputs[0].text);
      const [before, after] = await Promise.all([oracle(file), oracle(converted)]);
      return { file: basename(file), needsPerson, before, after, xmIp: result.notes.some((n) => n.message.includes('moved into `extra`')) };
    });
    if (outcomes.some((o) => o.after.unavailable)) return t.skip(`xl oracle unavailable: ${outcomes[0].after.unavailable}`);
    let compared = 0;
    for (const { file, needsPerson, before, after, xmIp } of outcomes) {
      if (needsPerson) continue;
      // Refused for a reason that is not xm's (no name, no kernel): the original is refused the same way.
      if (!after.valid) {
        assert.equal(before.valid, false, `${file}: xl refuses the result: ${after.xl?.messages.join('; ')}`);
        assert.deepEqual(after.xl?.messages, before.xl?.messages.filter((m) => !m.startsWith('WARNING')), `${file}: refused for another reason than the original`);
        continue;
      }
      if (!before.valid) continue;
      const expected = comparableDomain(before.xl?.domain_config) as { boot: { cmdline?: string } };
      const got = comparableDomain(after.xl?.domain_config) as { boot: { cmdline?: string } };
      // xl drops xm's ip/dhcp variables without a word; the conversion puts them on the command line.
      if (xmIp) expected.boot.cmdline = got.boot.cmdline;
      assert.deepEqual(got, expected, file);
      compared++;
    }
    assert.ok(compared >= 10, `only ${compared} files compared`);
  });

  it('the xm Python examples, which xl refuses, are accepted after conversion', async (t) => {
    if (!XL_ORACLE) return t.skip('xl oracle not found (set XEN_CONFIG_ORACLES or install ../shared/oracles)');
    const dir = scratch();
    for (const name of ['xen-project__xen__2006-01-31__tools__examples__xmexample.hvm', 'xen-project__xen__RELEASE-3.0.0__tools__examples__xmexample.vmx', 'Trimet__depo_xen_cfg__vdata__images__sqlserver__sqlserver.cfg']) {
      const file = fixtureFiles('migrate', 'xm').find((f) => f.endsWith(name))!;
      assert.equal((await oracle(file)).valid, false, `${name}: xl should refuse the xm original`);
      const converted = join(dir, name);
      writeFileSync(converted, convertXm(readFileSync(file, 'utf8'), { path: file }).outputs[0].text);
      const after = await oracle(converted);
      assert.equal(after.valid, true, `${name}: ${after.xl?.messages.join('; ')}`);
      const domain = comparableDomain(after.xl?.domain_config) as { type: string; disks: unknown[] };
      assert.equal(domain.type, 'hvm');
      assert.ok(domain.disks.length > 0);
    }
  });
});

describe('migrate --to xl.conf: libxlutil reads the result, and every key is an xl.conf key', () => {
  it('on every xend-config.sxp fixture', async (t) => {
    if (!XL_ORACLE) return t.skip('xl oracle not found (set XEN_CONFIG_ORACLES or install ../shared/oracles)');
    const dir = scratch();
    const files = fixtureFiles('xend-sxp').filter((f) => f.endsWith('.sxp') || !f.includes('.'));
    assert.ok(files.length >= 10);
    for (const [index, file] of files.entries()) {
      const converted = join(dir, `${index}-xl.conf`);
      writeFileSync(converted, convertXendConfig(readFileSync(file, 'utf8')).outputs[0].text);
      const verdict = await oracle(converted);
      if (verdict.unavailable) return t.skip(`xl oracle unavailable: ${verdict.unavailable}`);
      assert.equal(verdict.libxlu?.valid, true, basename(file));
      for (const key of Object.keys(verdict.libxlu?.settings ?? {})) assert.ok(XL_CONF_KEYS.has(key), `${basename(file)}: ${key}`);
    }
  });
});
