/**
 * The cluster migrations judged by the real tools, where they are installed (each check skips, saying
 * why, where they are not):
 * - DRBD: every DRBD fixture that drbdadm accepts in its own dialect (drbd-oracle) is converted, drbdadm 9
 *   accepts the result, and both `drbdadm dump`s agree (test/helpers/drbdDump.ts);
 * - cluster.conf: every fixture xmllint accepts with cluster.rng (clusterconf-oracle) is converted;
 *   crm_verify accepts the CIB with none but the warnings of a CIB without live status (ALLOWED_WARNINGS),
 *   crm_simulate starts each service with a failover domain on its domain's preferred node, and every
 *   node, fence device and service is in the CIB (or named by a manual note); the pcs script builds a CIB
 *   crm_verify accepts too (pcs and the fence agents installed); corosync -t accepts the corosync.conf
 *   (as root, with the node names resolved in a private mount namespace).
 * Each prints its figures (files converted, accepted, items left for a person by kind).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { detectDialect } from '../../server/src/languages/drbd/dialect';
import { parse as parseDrbd } from '../../server/src/languages/drbd/parse';
import { clusterModel } from '../../server/src/languages/cluster-conf/model';
import { attributeValue, parse as parseCluster } from '../../server/src/languages/cluster-conf/parse';
import { DEFAULT_SETTINGS } from '../../server/src/languages/types';
import { convertToDrbd9 } from '../../server/src/migrate/drbd9';
import { convertToPacemaker } from '../../server/src/migrate/pacemaker';
import { onPath } from '../helpers/tools';
import { EMPTY_WORKSPACE } from '../../server/src/workspace/view';
import { dumpDifferences } from '../helpers/drbdDump';
import { fixtureFiles } from '../helpers/fixtures';
import { Tally } from '../helpers/migrateFigures';
import { oracleFor } from '../helpers/oracles';

const scratch = mkdtempSync(join(tmpdir(), 'migrate-oracles-'));

function report(t: { diagnostic(message: string): void }, title: string, lines: string[]): void {
  const text = [title, ...lines.map((l) => `  ${l}`)].join('\n');
  t.diagnostic(text);
  console.log(text);
}

interface DrbdRun {
  valid: boolean;
  dump?: string;
  errors: { line: number; message: string }[];
}

function drbdadm(oracle: string, dialect: string, path: string): DrbdRun {
  const result = spawnSync(oracle, ['--dialect', dialect, path], { encoding: 'utf8', timeout: 60_000 });
  const verdict = JSON.parse(result.stdout || '{}') as { dialects?: Record<string, DrbdRun> };
  return verdict.dialects?.[dialect] ?? { valid: false, errors: [] };
}

describe('migrate --to drbd9, judged by drbdadm', () => {
  it("converts every DRBD fixture its own dialect's drbdadm accepts into a file drbdadm 9 accepts, with the same dump", (t) => {
    const oracle = oracleFor('drbd');
    if (!oracle) return t.skip('drbd-oracle not found (../shared/oracles): run oracles/setup.sh to run this check');
    if (!drbdadm(oracle, '9', join(fixtureFiles('drbd')[0])).errors) return t.skip('drbd-oracle is there but drbdadm is not installed');
    const files = [...fixtureFiles('drbd'), ...fixtureFiles('migrate')].filter((f) => /\.(res|conf|example)$/.test(f) && !f.endsWith('cluster.conf'));
    const manual = new Tally();
    let accepted = 0;
    let converted = 0;
    let refusedBefore = 0;
    const failures: string[] = [];
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const own = detectDialect(parseDrbd(text), DEFAULT_SETTINGS).dialect.replace('.', '');
      // drbdadm 8.4 also reads (and converts) 8.3 syntax: a file its detected dialect refuses may be read by another.
      const before = [own, '84', '83', '9'].map((d) => drbdadm(oracle, d, path)).find((run) => run.valid);
      if (!before) {
        refusedBefore++;
        continue;
      }
      const result = convertToDrbd9(text, { path, workspace: EMPTY_WORKSPACE });
      converted++;
      manual.addManual(result.notes);
      const folder = join(scratch, 'drbd', String(converted));
      mkdirSync(folder, { recursive: true });
      const output = join(folder, basename(path));
      writeFileSync(output, result.outputs[0].text);
      const after = drbdadm(oracle, '9', output);
      if (!after.valid) {
        failures.push(`${basename(path)}: drbdadm 9 refuses the result: ${after.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
        continue;
      }
      accepted++;
      const differences = dumpDifferences(before.dump!, after.dump!);
      if (differences.length > 0) failures.push(`${basename(path)}: the dumps differ: ${differences.slice(0, 4).join('; ')}`);
    }
    report(t, 'migrate --to drbd9:', [
      `${files.length} DRBD fixtures, ${refusedBefore} refused by drbdadm in every dialect (not converted)`,
      `${converted} converted, ${accepted} accepted by drbdadm 9, ${converted - failures.length} with the same dump`,
      'items left for a person, by kind:',
      ...manual.lines(),
    ]);
    assert.deepEqual(failures, []);
    assert.ok(converted >= 20, `only ${converted} files converted`);
  });
});

/**
 * What crm_verify says of any CIB that has no live status section: no node has joined (so none has
 * quorum) and every node counts as unclean. Anything else it warns about is a finding.
 */
const ALLOWED_WARNINGS = [/warning: Fencing and resource management disabled due to lack of quorum/, /warning: Node \S+ is unclean but cannot be fenced/];
/** And where the conversion turned fencing off (a manual note says so), the warning that goes with it. */
const WITHOUT_FENCING = /warning: Blind faith: not fencing unseen nodes/;

function crmVerify(cib: string): string[] {
  const allowed = readFileSync(cib, 'utf8').includes('name="stonith-enabled" value="false"') ? [...ALLOWED_WARNINGS, WITHOUT_FENCING] : ALLOWED_WARNINGS;
  const result = spawnSync('crm_verify', ['-VV', '--xml-file', cib], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => /\b(error|warning|crit)\b:/i.test(line) || /Errors found/.test(line))
    .filter((line) => !allowed.some((pattern) => pattern.test(line)));
}

/** `* Start RSC ( NODE )` lines of crm_simulate's transition summary, with every node up and quorum. */
function simulatedStarts(cib: string, nodes: string[]): Map<string, string> {
  const copy = `${cib}.simulated.xml`;
  writeFileSync(copy, readFileSync(cib));
  const args = ['-x', copy, '-S', '-q', '1', ...nodes.flatMap((n) => ['-u', n])];
  const output = execFileSync('crm_simulate', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const summary = output.slice(output.indexOf('Transition Summary:'), output.indexOf('Executing Cluster Transition:'));
  return new Map([...summary.matchAll(/\* Start\s+(\S+)\s+\(\s*(\S+)\s*\)/g)].map((m) => [m[1], m[2]]));
}

/** The nodes a domain prefers most: the lowest priority of an ordered domain, every node of an unordered one. */
function preferredNodes(domain: ReturnType<typeof clusterModel>['failoverDomains'][number], nodes: string[]): string[] {
  const members = domain.children.filter((c) => c.name === 'failoverdomainnode' && nodes.includes(attributeValue(c, 'name') ?? ''));
  const priority = (m: (typeof members)[number]) => Number(attributeValue(m, 'priority') ?? 101);
  const ordered = attributeValue(domain, 'ordered') === '1';
  const best = Math.min(...members.map(priority));
  return members.filter((m) => !ordered || priority(m) === best).map((m) => attributeValue(m, 'name') ?? '');
}

function clusterFixtures(): string[] {
  return [...fixtureFiles('cluster-conf'), ...fixtureFiles('migrate')].filter((f) => f.endsWith('.conf') || f.endsWith('.conf.ex'));
}

describe('migrate --to pacemaker, judged by Pacemaker', () => {
  it('converts every cluster.conf xmllint accepts into a CIB crm_verify accepts, with each service on its preferred node and nothing missing', (t) => {
    const rng = oracleFor('cluster-conf');
    if (!rng) return t.skip('clusterconf-oracle not found (../shared/oracles): run oracles/setup.sh to run this check');
    if (!onPath('crm_verify') || !onPath('crm_simulate')) return t.skip('crm_verify/crm_simulate not installed (Debian: pacemaker-cli-utils; scripts/ensure-tools.mjs installs it as root)');
    const manual = new Tally();
    let converted = 0;
    let verified = 0;
    const failures: string[] = [];
    for (const path of clusterFixtures()) {
      if (spawnSync(rng, [path], { encoding: 'utf8' }).status !== 0) continue;
      const text = readFileSync(path, 'utf8');
      const result = convertToPacemaker(text, { path, workspace: EMPTY_WORKSPACE });
      converted++;
      manual.addManual(result.notes);
      const folder = join(scratch, 'pacemaker', String(converted));
      mkdirSync(folder, { recursive: true });
      const cibPath = join(folder, 'cib.xml');
      const cib = result.outputs[0].text;
      writeFileSync(cibPath, cib);
      const name = basename(path);
      const complaints = crmVerify(cibPath);
      if (complaints.length > 0) failures.push(`${name}: crm_verify: ${complaints.join(' | ')}`);
      else verified++;

      const model = clusterModel(parseCluster(text));
      const manualText = result.notes.filter((n) => n.kind === 'manual').map((n) => n.message).join('\n');
      const nodes = model.nodes.map((n) => attributeValue(n, 'name') ?? '');
      for (const node of nodes) if (!cib.includes(` uname="${node}"`)) failures.push(`${name}: node ${node} missing`);
      for (const device of model.fenceDevices) {
        const id = attributeValue(device, 'name') ?? '';
        if (!new RegExp(`<primitive id="${id}(-[^"]+)?" class="stonith"`).test(cib) && !manualText.includes(`'${id}'`)) failures.push(`${name}: fence device ${id} neither converted nor noted`);
      }
      const starts = simulatedStarts(cibPath, nodes);
      for (const service of [...model.services, ...model.vms].filter((s) => s.parent?.name === 'rm')) {
        const id = attributeValue(service, 'name') ?? '';
        if (!cib.includes(`<group id="${id}">`) && !cib.includes(`<primitive id="${id}" `) && !manualText.includes(`'${id}'`)) failures.push(`${name}: service ${id} neither converted nor noted`);
        const domain = model.failoverDomains.find((d) => attributeValue(d, 'name') === attributeValue(service, 'domain'));
        if (!domain || attributeValue(service, 'autostart') === '0') continue;
        const first = service.name === 'vm' ? id : /<group id="[^"]+">\s*(?:<meta_attributes[\s\S]*?<\/meta_attributes>\s*)?<primitive id="([^"]+)"/.exec(cib.slice(cib.indexOf(`<group id="${id}">`)))?.[1];
        const node = first && starts.get(first);
        const preferred = preferredNodes(domain, nodes);
        if (preferred.length > 0 && (!node || !preferred.includes(node))) failures.push(`${name}: ${id} starts on ${node ?? 'no node'}, not on ${preferred.join(' or ')}`);
      }
    }
    report(t, 'migrate --to pacemaker:', [
      `${converted} cluster.conf files xmllint accepts converted, ${verified} CIBs accepted by crm_verify (allowed warnings: lack of quorum, unclean nodes: a CIB without status)`,
      'items left for a person, by kind:',
      ...manual.lines(),
    ]);
    assert.deepEqual(failures, []);
    assert.ok(converted >= 10, `only ${converted} files converted`);
  });

  it('builds the same CIB with the pcs script, which crm_verify accepts', (t) => {
    if (!onPath('pcs') || !onPath('cibadmin')) return t.skip('pcs not installed (Debian: pcs), so the pcs script is not run');
    if (!onPath('fence_ipmilan')) return t.skip('the fence agents are not installed (Debian: fence-agents): pcs refuses stonith devices it cannot describe');
    const path = join(fixtureFiles('migrate').find((f) => f.endsWith('xen-cluster.conf'))!);
    // pcs refuses an agent that is not installed: the fixture's lsb:httpd becomes an init script this machine has.
    const initScript = readdirSync('/etc/init.d').find((name) => !name.startsWith('.'));
    if (!initScript) return t.skip('no init script in /etc/init.d for the lsb resource');
    const text = readFileSync(path, 'utf8').replace('/etc/init.d/httpd', `/etc/init.d/${initScript}`);
    const result = convertToPacemaker(text, { path, workspace: EMPTY_WORKSPACE, format: 'pcs' });
    const folder = join(scratch, 'pcs');
    mkdirSync(folder, { recursive: true });
    const cibPath = join(folder, 'cib.xml');
    // What `pcs cluster cib` gives on a cluster whose nodes have joined: an empty configuration with the nodes.
    const nodes = [...result.outputs[1].text.matchAll(/name: (\S+)\n\s*nodeid: (\d+)/g)].map((m) => `<node id="${m[2]}" uname="${m[1]}"/>`).join('');
    writeFileSync(cibPath, execFileSync('cibadmin', ['--empty'], { encoding: 'utf8' }).replace('<nodes/>', `<nodes>${nodes}</nodes>`));
    const script = result.outputs[0].text.split('\n').filter((line) => line.startsWith('pcs -f cib.xml ')).join('\n');
    const run = spawnSync('sh', ['-e', '-c', script], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(crmVerify(cibPath), []);
    const built = readFileSync(cibPath, 'utf8');
    const cib = convertToPacemaker(text, { path, workspace: EMPTY_WORKSPACE }).outputs[0].text;
    const ids = (xml: string) => [...xml.matchAll(/<(primitive|group|rsc_location|fencing-level) id="([^"]+)"/g)].filter((m) => m[1] !== 'rsc_location' && m[1] !== 'fencing-level').map((m) => m[2]).sort();
    assert.deepEqual(ids(built), ids(cib));
  });

  it('writes a corosync.conf corosync -t accepts', (t) => {
    if (!onPath('corosync')) return t.skip('corosync not installed (Debian: corosync, which pacemaker-cli-utils brings)');
    if (process.getuid?.() !== 0 || !onPath('unshare')) return t.skip('corosync -t resolves the node names: this check gives them addresses in a private /etc/hosts, which needs root and unshare');
    const failures: string[] = [];
    let checked = 0;
    for (const path of clusterFixtures()) {
      const result = convertToPacemaker(readFileSync(path, 'utf8'), { path, workspace: EMPTY_WORKSPACE });
      const corosync = result.outputs[1]?.text;
      const names = [...(corosync ?? '').matchAll(/ring0_addr: (\S+)/g)].map((m) => m[1]);
      if (names.length === 0) continue; // no nodes: a manual note says so, and corosync has nothing to start
      const folder = join(scratch, 'corosync', String(++checked));
      mkdirSync(folder, { recursive: true });
      // corosync -t wants this host to be one of the nodes: the first gets 127.0.0.1.
      writeFileSync(join(folder, 'hosts'), names.map((n, i) => `${i === 0 ? '127.0.0.1' : `127.0.1.${i + 1}`} ${n}`).join('\n') + '\n');
      writeFileSync(join(folder, 'corosync.conf'), corosync);
      const run = spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind "$1/hosts" /etc/hosts && corosync -t -c "$1/corosync.conf"', 'sh', folder], { encoding: 'utf8' });
      if (run.status !== 0) failures.push(`${basename(path)}: ${`${run.stdout}${run.stderr}`.split('\n').find((l) => /error/.test(l)) ?? `exit ${run.status}`}`);
    }
    report(t, 'corosync.conf:', [`${checked} written, ${checked - failures.length} accepted by corosync -t`]);
    assert.deepEqual(failures, []);
  });
});
