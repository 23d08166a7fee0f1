/**
 * Every file of test/fixtures/xl-captures (real output of a Xen 4.17 dom0, copied from
 * ../shared/reference/xl-captures) is read here by the parser of its command, or
 * checked as the error text the model classifies. A new capture without an entry fails.
 */
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { commandFailure } from '../../../shared/src/dom0/errors';
import { parseXlInfo } from '../../../shared/src/dom0/parse/xlInfo';
import { parseXlList } from '../../../shared/src/dom0/parse/xlList';
import { parseXlListLong } from '../../../shared/src/dom0/parse/xlListLong';
import { parseXlUptime } from '../../../shared/src/dom0/parse/xlUptime';
import { capture, testHost } from '../../helpers/dom0';
import { fixtureFiles } from '../../helpers/fixtures';

type Check = (text: string) => void;

const listed = (...rows: string[]): Check => (text) => {
  const list = parseXlList(text);
  assert.ok(list.ok, list.ok ? '' : list.error);
  assert.deepEqual(list.value.unreadable, []);
  assert.deepEqual(list.value.rows.map((r) => `${r.name} ${r.id} ${r.memoryMiB} ${r.vcpus} ${r.flags} ${r.cpuTimeSeconds}`), rows);
};
const long = (...domains: string[]): Check => (text) => {
  const parsed = parseXlListLong(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  assert.deepEqual(parsed.value.problems, []);
  assert.deepEqual(
    parsed.value.domains.map((d) => `${d.name} ${d.id} ${d.targetMemoryMiB}/${d.maxMemoryMiB} vcpus=${d.maxVcpus} ${d.disks.map((k) => `${k.vdev}:${k.target}:${k.mode}`).join(',')} ${d.nics.map((n) => `${n.mac}@${n.bridge}`).join(',')}`),
    domains,
  );
};
const empty: Check = (text) => assert.equal(text, '');
const invalidDomain = (name: string): Check => (text) => {
  assert.equal(text, `${name} is an invalid domain identifier (rc=-6)\n`);
  assert.equal(commandFailure(testHost(), '`xl shutdown` of x', 1, text).kind, 'command-failed');
};
const stderrLines = (...lines: RegExp[]): Check => (text) => {
  const actual = text.trim().split('\n');
  assert.equal(actual.length, lines.length, text);
  lines.forEach((re, i) => assert.match(actual[i], re));
};
const notPermitted: Check = (text) => {
  const error = commandFailure(testHost(), '`xl list`', 1, text);
  assert.equal(error.kind, 'not-permitted');
  assert.equal(error.message, 'root@an-node01: `xl list` was not permitted (xencall: error: Could not obtain handle on privileged command interface: Permission denied)');
};
const notAList: Check = (text) => {
  const list = parseXlList(text);
  assert.equal(list.ok, false);
  assert.equal(list.ok ? '' : list.error, 'the domain list does not start with the "Name ID Mem VCPUs State Time(s)" header: "Usage: xl [-vtT] list [options] [Domain]"');
};
const DOMU1 = 'domu1 1 128/128 vcpus=1 xvda:/var/lib/xen/images/domu1.img:w 00:16:3e:00:01:01@xenbr0';
const DOMU2 = 'domu2 2 128/128 vcpus=2 xvda:/var/lib/xen/images/domu2.img:w 00:16:3e:00:01:02@xenbr0';
const DOM0 = 'Domain-0 0 1024/1024 vcpus=undefined  ';

const CHECKS: Record<string, Check> = {
  '01-versions.stdout': (text) => assert.equal(parseXlInfo(text.split('\n').slice(0, 6).join('\n')).ok, true),
  '02-xl-list.stdout': listed('Domain-0 0 1024 2 r----- 149.3', 'domu1 1 128 1 -b---- 10.9', 'domu2 2 128 2 r----- 7.6'),
  '03-xl-list-l.stdout': long(DOM0, DOMU1, DOMU2),
  '04-xl-list-l-domu1.stdout': long(DOMU1),
  '05-xl-list-l-dom0.stdout': long(DOM0),
  '06-xl-list-v.stdout': listed('Domain-0 0 1024 2 r----- 158.3', 'domu1 1 128 1 -b---- 11', 'domu2 2 128 2 -b---- 11.2'),
  '07-xl-list-domu1.stdout': listed('domu1 1 128 1 -b---- 11'),
  '08-xl-list-id-2.stdout': listed('domu2 2 128 2 -b---- 11.3'),
  '09-xl-list-missing.stderr': invalidDomain('nosuchdomain'),
  '09-xl-list-missing.stdout': empty,
  '10-xl-list-l-missing.stderr': invalidDomain('nosuchdomain'),
  '10-xl-list-l-missing.stdout': empty,
  '11-xl-info.stdout': (text) => {
    const info = parseXlInfo(text);
    assert.ok(info.ok);
    assert.deepEqual([info.value.hostname, info.value.xenVersion, info.value.totalMemoryMiB, info.value.freeMemoryMiB, info.value.cpus], ['xendom0', '4.17.5', 3071, 1757, 2]);
    assert.equal(info.value.fields.xen_changeset, '');
  },
  '12-xl-vcpu-list.stdout': (text) => assert.equal(parseXlList(text).ok, false), // not ours to read: a clear refusal
  '13-xl-vcpu-list-domu2.stdout': (text) => assert.equal(parseXlList(text).ok, false),
  '14-xl-uptime.stdout': (text) => {
    const uptime = parseXlUptime(text);
    assert.ok(uptime.ok);
    assert.deepEqual([...uptime.value], [[0, 125], [1, 65], [2, 48]]);
  },
  // The short form has no id column: it yields nothing rather than wrong uptimes.
  '15-xl-uptime-s.stdout': (text) => assert.deepEqual(parseXlUptime(text), { ok: true, value: new Map() }),
  '16-xl-network-list-domu1.stdout': (text) => assert.match(text, /00:16:3e:00:01:01/), // same MAC as the JSON's nics
  '17-xl-block-list-domu1.stdout': (text) => assert.match(text, /^51712 /m), // xvda's device number; the JSON gives the name
  '18-xl-network-list-dom0.stdout': (text) => assert.equal(text.trim().split('\n').length, 1),
  '19-xl-domid.stdout': (text) => assert.equal(text, '1\n'),
  '20-xl-domname.stdout': (text) => assert.equal(text, 'domu1\n'),
  '21-etc-xen-cfgs.stdout': (text) => assert.deepEqual(text.split('\n').filter((l) => /^\/\S*\.cfg$/.test(l)), ['/etc/xen/domu1.cfg', '/etc/xen/domu2.cfg', '/etc/xen/domu3.cfg']),
  '22-cat-domu3-cfg.stdout': (text) => assert.match(text, /^name {4}= "domu3"$/m),
  '23-xl-pause-domu2.stdout': empty,
  '24-xl-list-paused.stdout': listed('Domain-0 0 1024 2 r----- 194.5', 'domu1 1 128 1 -b---- 11.3', 'domu2 2 128 2 --p--- 11.7'),
  '25-xl-list-l-paused-domu2.stdout': long(DOMU2),
  '26-xl-unpause-domu2.stdout': empty,
  '27-xl-list-unpaused.stdout': listed('Domain-0 0 1024 2 r----- 200.7', 'domu1 1 128 1 -b---- 11.3', 'domu2 2 128 2 -b---- 11.8'),
  '28-xl-pause-twice.stdout': listed('domu2 2 128 2 --p--- 11.8'),
  '29-xl-unpause-second.stdout': listed('domu2 2 128 2 -b---- 11.8'),
  '30-xl-shutdown-domu2.stderr': stderrLines(/^Shutting down domain 2$/),
  '30-xl-shutdown-domu2.stdout': empty,
  '31-xl-list-right-after-shutdown.stdout': listed('Domain-0 0 1024 2 r----- 210.5', 'domu1 1 128 1 -b---- 11.4', 'domu2 2 128 2 -b---- 12.6'),
  '32-xl-list-after-shutdown.stdout': listed('Domain-0 0 1024 2 r----- 221.1', 'domu1 1 128 1 -b---- 11.4'),
  '33-xl-shutdown-missing.stderr': invalidDomain('domu2'),
  '33-xl-shutdown-missing.stdout': empty,
  '34-xl-destroy-domu1.stdout': empty,
  '35-xl-list-after-destroy.stdout': listed('Domain-0 0 1024 2 r----- 232.8'),
  '36-xl-destroy-missing.stderr': invalidDomain('domu1'),
  '36-xl-destroy-missing.stdout': empty,
  '37-xl-create-domu3.stderr': stderrLines(/^Parsing config from \/etc\/xen\/domu3\.cfg$/),
  '37-xl-create-domu3.stdout': empty,
  '38-xl-list-after-create.stdout': listed('Domain-0 0 1024 2 r----- 247.1', 'domu3 3 128 1 r----- 2'),
  '39-xl-create-domu3-again.stderr': (text) => {
    const error = commandFailure(testHost(), '`xl create` of domu3', 3, text);
    assert.equal(error.message, 'root@an-node01: `xl create` of domu3 failed with exit status 3: Parsing config from /etc/xen/domu3.cfg');
    assert.match(error.detail ?? '', /Domain with name "domu3" already exists/);
  },
  '39-xl-create-domu3-again.stdout': empty,
  '40-xl-create-bad-path.stderr': (text) => {
    assert.equal(commandFailure(testHost(), '`xl create` of nosuch', 3, text).message, 'root@an-node01: `xl create` of nosuch failed with exit status 3: Failed to read config file: /etc/xen/nosuch.cfg: No such file or directory');
  },
  '40-xl-create-bad-path.stdout': empty,
  '41-xl-list-l-domu3.stdout': long('domu3 3 128/128 vcpus=1  00:16:3e:00:01:03@xenbr0'),
  '42-xl-shutdown-w-domu3.stderr': stderrLines(/^Shutting down domain 3$/, /^Waiting for 1 domains$/, /^Domain 3 has been shut down, reason code 0$/),
  '42-xl-shutdown-w-domu3.stdout': empty,
  '43-xl-create-domu1.stderr': stderrLines(/^Parsing config from \/etc\/xen\/domu1\.cfg$/),
  '43-xl-create-domu1.stdout': empty,
  '44-xl-create-domu2.stderr': stderrLines(/^Parsing config from \/etc\/xen\/domu2\.cfg$/),
  '44-xl-create-domu2.stdout': empty,
  '45-xl-list-final.stdout': listed('Domain-0 0 1024 2 r----- 293.4', 'domu1 5 128 1 -b---- 9.1', 'domu2 6 128 1 r----- 1.8'),
  '46-xl-list-l-final.stdout': long(DOM0, DOMU1.replace('domu1 1', 'domu1 5'), DOMU2.replace('domu2 2', 'domu2 6')),
  'INDEX.tsv': (text) => assert.equal(text.trim().split('\n').length, 47),
  'extra/README.txt': (text) => assert.match(text, /paused-twice/),
  'extra/during-boot-xl-list.1.stdout': listed('Domain-0 0 1024 2 r----- 102.5', 'domu1 1 128 1 --p--- 0'),
  'extra/during-boot-xl-list.2.stdout': listed('Domain-0 0 1024 2 r----- 117.2', 'domu1 1 128 1 --p--- 0'),
  'extra/during-boot-xl-list.3.stdout': listed('Domain-0 0 1024 2 r----- 130.5', 'domu1 1 128 1 -b---- 6.5', 'domu2 2 0 0 --p--- 0'),
  'extra/during-boot-xl-list.4.stdout': listed('Domain-0 0 1024 2 r----- 140.2', 'domu1 1 128 1 -b---- 6.6'),
  'extra/nonroot-xl-list-l.stderr': notPermitted,
  'extra/nonroot-xl-list.stderr': notPermitted,
  'extra/paused-twice-28-xl-list-unpaused.stdout': listed('Domain-0 0 1024 2 r----- 258.5', 'domu1 1 128 1 -b---- 19.5', 'domu2 2 128 2 --p--- 19.5'),
  'extra/paused-twice-29-xl-shutdown-domu2.stderr': (text) =>
    assert.equal(commandFailure(testHost(), '`xl shutdown` of domu2', 1, text).message, 'root@an-node01: `xl shutdown` of domu2 failed with exit status 1: Shutting down domain 2'),
  'extra/paused-twice-30-xl-list-right-after-shutdown.stdout': listed('Domain-0 0 1024 2 r----- 267.7', 'domu1 1 128 1 -b---- 20.9', 'domu2 2 128 2 --p--- 19.5'),
  'extra/paused-twice-31-xl-list-after-shutdown.stdout': listed('Domain-0 0 1024 2 r----- 309.4', 'domu1 1 128 1 -b---- 22.8', 'domu2 2 128 2 --p--- 19.5'),
  'extra/paused-twice-32-xl-shutdown-again.stderr': stderrLines(/^Shutting down domain 2$/, /guest didn't acknowledge control request: -9$/, /^shutdown failed \(rc=-9\)$/),
  'extra/xl-help.stderr': stderrLines(/invalid option -- 'h'$/, /^unknown global option$/),
  'extra/xl-list-Z.stdout': listed('Domain-0 0 1024 2 r----- 310.4', 'domu1 5 128 1 -b---- 9.4', 'domu2 6 128 2 -b---- 11.1'),
  'extra/xl-list-c.stdout': listed('Domain-0 0 1024 2 r----- 312.8', 'domu1 5 128 1 -b---- 9.5', 'domu2 6 128 2 -b---- 11.1'),
  'extra/xl-list-l-two-names.stdout': notAList,
  'extra/xl-list-n.stdout': listed('Domain-0 0 1024 2 r----- 315.1', 'domu1 5 128 1 -b---- 9.5', 'domu2 6 128 2 -b---- 11.1'),
  'extra/xl-list-two-names.stdout': notAList,
};

describe('every real xl capture', () => {
  const files = fixtureFiles('xl-captures').map((path) => path.slice(path.indexOf('xl-captures/') + 'xl-captures/'.length));
  it('has an expectation (add one for a new capture)', () => {
    assert.deepEqual(files.filter((f) => !(f in CHECKS)), []);
    assert.deepEqual(Object.keys(CHECKS).filter((f) => !files.includes(f)), []);
  });
  for (const file of files) {
    it(basename(file), () => CHECKS[file]?.(capture(file)));
  }
});
