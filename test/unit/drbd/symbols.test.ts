import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbdLanguage } from '../../../server/src/languages/drbd/index';
import { readFixture } from '../../helpers/fixtures';
import { outline } from '../../helpers/languageTester';
import { drbd } from './helpers';

const { service } = drbdLanguage;

describe('drbd outline', () => {
  const ctx = drbd.context();

  it('shows a resource with its sections, volumes and hosts, each with a detail', () => {
    const doc = drbd.parse(readFixture('drbd', 'clean-84.res'));
    const [resource] = service.symbols(doc, ctx);
    assert.equal(resource.name, 'data');
    assert.equal(resource.detail, 'alpha.example.com, bravo.example.com');
    assert.deepEqual(resource.selectionRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
    assert.deepEqual(
      resource.children!.map((c) => `${c.name} (${c.detail ?? ''}) ${c.children?.length ?? 0}`),
      ['net () 4', 'disk () 4', 'options () 1', 'volume 0 (/dev/drbd10 minor 10) 3', 'volume 1 (minor 11) 3', 'on alpha.example.com (10.1.1.31:7790) 1', 'on bravo.example.com (10.1.1.32:7790) 1'],
    );
  });

  it('nests DRBD 9 connections, their paths and hosts (options and sections alike) with exact ranges', () => {
    const text = [
      'resource r9 {',
      '  volume 0 { device minor 5; disk /dev/vg/r9; meta-disk internal; }',
      '  on a { node-id 0; address 10.0.0.1:7000; }',
      '  on b { node-id 1; address 10.0.0.2:7000; }',
      '  connection {',
      '    path {',
      '      host a address 10.1.0.1:7001;',
      '      host b address 10.1.0.2:7001;',
      '    }',
      '    net { protocol C; }',
      '  }',
      '  connection {',
      '    host a { address 10.2.0.1:7002; }',
      '    host b { address 10.2.0.2:7002; }',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(outline(service.symbols(drbd.parse(text), ctx)), [
      'r9 (a, b) 1:1-16:2 @1:10-1:12',
      '  volume 0 (minor 5) 2:3-2:68 @2:10-2:11',
      '    device (minor 5) 2:14-2:29 @2:14-2:20',
      '    disk (/dev/vg/r9) 2:30-2:46 @2:30-2:34',
      '    meta-disk (internal) 2:47-2:66 @2:47-2:56',
      '  on a (10.0.0.1:7000) 3:3-3:45 @3:6-3:7',
      '    node-id (0) 3:10-3:20 @3:10-3:17',
      '    address (10.0.0.1:7000) 3:21-3:43 @3:21-3:28',
      '  on b (10.0.0.2:7000) 4:3-4:45 @4:6-4:7',
      '    node-id (1) 4:10-4:20 @4:10-4:17',
      '    address (10.0.0.2:7000) 4:21-4:43 @4:21-4:28',
      '  connection (a - b) 5:3-11:4 @5:3-5:13',
      '    path (a - b) 6:5-9:6 @6:5-6:9',
      '      host a (10.1.0.1:7001) 7:7-7:36 @7:7-7:11',
      '      host b (10.1.0.2:7001) 8:7-8:36 @8:7-8:11',
      '    net 10:5-10:24 @10:5-10:8',
      '      protocol (C) 10:11-10:22 @10:11-10:19',
      '  connection (a - b) 12:3-15:4 @12:3-12:13',
      '    host a (10.2.0.1:7002) 13:5-13:38 @13:10-13:11',
      '      address (10.2.0.1:7002) 13:14-13:36 @13:14-13:21',
      '    host b (10.2.0.2:7002) 14:5-14:38 @14:10-14:11',
      '      address (10.2.0.2:7002) 14:14-14:36 @14:14-14:21',
    ]);
  });

  it('shows the sections and options of global and common (global_common.conf)', () => {
    const text = [
      'global { usage-count no; }',
      'common {',
      '  handlers { fence-peer "/usr/lib/drbd/crm-fence-peer.sh"; }',
      '  startup { wfc-timeout 120; }',
      '  net { protocol C; }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(outline(service.symbols(drbd.parse(text, { path: '/etc/drbd.d/global_common.conf' }), ctx)), [
      'global 1:1-1:27 @1:1-1:7',
      '  usage-count (no) 1:10-1:25 @1:10-1:21',
      'common 2:1-6:2 @2:1-2:7',
      '  handlers 3:3-3:61 @3:3-3:11',
      '    fence-peer (/usr/lib/drbd/crm-fence-peer.sh) 3:14-3:59 @3:14-3:24',
      '  startup 4:3-4:31 @4:3-4:10',
      '    wfc-timeout (120) 4:13-4:29 @4:13-4:24',
      '  net 5:3-5:22 @5:3-5:6',
      '    protocol (C) 5:9-5:20 @5:9-5:17',
    ]);
  });

  it('survives a half-typed file: an unclosed section runs to where the parser ended it, a nameless one is left out', () => {
    const symbols = service.symbols(drbd.parse('resource r0 {\n  { x; }\n  net {\n    protocol C'), ctx);
    assert.deepEqual(outline(symbols), ['r0 (resource) 1:1-4:15 @1:10-1:12', '  net 3:3-4:15 @3:3-3:6', '    protocol (C) 4:5-4:15 @4:5-4:13']);
  });
});

describe('drbd folding', () => {
  it('folds every multi-line section', () => {
    const doc = drbd.parse(readFixture('drbd', 'clean-84.res'));
    assert.deepEqual(service.folding(doc, drbd.context()).slice(0, 3), [{ startLine: 1, endLine: 33 }, { startLine: 2, endLine: 7 }, { startLine: 8, endLine: 13 }]);
  });
});
