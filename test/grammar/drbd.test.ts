import { before, describe, it } from 'node:test';
import { readFixture } from '../helpers/fixtures';
import { assertNotScope, assertScope, tokenizeText, TokenizedText } from '../helpers/tokenize';

describe('drbd grammar', () => {
  let r0: TokenizedText;
  let v9: TokenizedText;
  let v83: TokenizedText;
  before(async () => {
    r0 = await tokenizeText('drbd', readFixture('drbd', 'seed-003-r0.res'));
    v9 = await tokenizeText('drbd', readFixture('drbd', 'corpus', 'LINBIT__drbd-utils__tests__v9__proxy_2sites_3nodes.res'));
    v83 = await tokenizeText('drbd', readFixture('drbd', 'corpus', 'LINBIT__drbd-utils__2007-10-29__scripts__drbd.conf'));
  });

  it('colours the resource keyword and its name, also with the brace on the next line', () => {
    assertScope(r0, 'resource', 'keyword.other.section.drbd', { line: 3 });
    assertScope(r0, 'r0', 'entity.name.type.resource.drbd', { line: 3 });
    assertScope(r0, '{', 'punctuation.section.block.begin.drbd', { line: 4 });
    assertScope(v83, '"r1"', 'entity.name.type.resource.drbd', { line: 407 });
  });

  it('colours on HOST sections and the host name', () => {
    assertScope(r0, 'on', 'keyword.other.section.drbd', { line: 25 });
    assertScope(r0, 'an-node01.alteeve.com', 'entity.name.type.host.drbd');
    assertScope(v9, 'site1-pxy', 'entity.name.type.host.drbd', { line: 32 });
  });

  it('colours the host names of connection and connection-mesh statements', async () => {
    assertScope(v9, 'host', 'support.type.property-name.drbd', { line: 32 });
    assertScope(v9, 'alpha', 'entity.name.type.host.drbd', { line: 32 });
    const mesh = await tokenizeText('drbd', 'resource r0 {\n  connection-mesh {\n    hosts alpha bravo charlie; # all three\n  }\n}\n');
    assertScope(mesh, 'connection-mesh', 'keyword.other.section.drbd');
    assertScope(mesh, 'hosts', 'support.type.property-name.drbd');
    for (const host of ['alpha', 'bravo', 'charlie']) assertScope(mesh, host, 'entity.name.type.host.drbd', { line: 3 });
    assertScope(mesh, '# all three', 'comment.line.number-sign.drbd');
  });

  it('tells a section keyword from an option of the same name', () => {
    assertScope(r0, 'net', 'keyword.other.section.drbd', { line: 11 });
    assertScope(v9, 'disk', 'keyword.other.section.drbd', { line: 43 });
    assertScope(r0, 'disk', 'support.type.property-name.drbd', { line: 32 });
    assertScope(v9, 'volume', 'keyword.other.section.drbd', { line: 6 });
    assertScope(v9, '0', 'constant.numeric.volume.drbd', { line: 6 });
  });

  it('colours option names with dashes as one key, and statements after a brace on the same line', () => {
    assertScope(r0, 'allow-two-primaries', 'support.type.property-name.drbd');
    assertScope(r0, 'become-primary-on', 'support.type.property-name.drbd');
    assertNotScope(r0, 'on', 'keyword.other.section', { line: 19 });
    assertScope(v9, 'protocol', 'support.type.property-name.drbd', { line: 28 });
    assertScope(v83, 'rate', 'support.type.property-name.drbd', { line: 91 });
  });

  it('colours values: sizes with units, addresses with ports, constants, paths, strings', () => {
    assertScope(v9, '10', 'constant.numeric.drbd', { line: 44 });
    assertScope(v9, 'M', 'keyword.other.unit.drbd', { line: 44 });
    assertScope(v9, '100', 'constant.numeric.drbd', { line: 49, after: 'c-max-rate' });
    assertScope(v9, 'M', 'keyword.other.unit.drbd', { line: 49 });
    assertScope(r0, '192.168.2.71', 'constant.numeric.ip-address.drbd');
    assertScope(r0, '7789', 'constant.numeric.port.drbd', { line: 29 });
    assertScope(r0, 'internal', 'constant.language.drbd');
    assertScope(r0, '/dev/drbd0', 'string.unquoted.drbd');
    assertScope(v83, '"echo o > /proc/sysrq-trigger ; halt -f"', 'string.quoted.double.drbd', { line: 125 });
    assertNotScope(v83, ';', 'punctuation.terminator', { line: 125, after: 'trigger ' });
    assertScope(r0, ';', 'punctuation.terminator.statement.drbd', { line: 7 });
  });

  it('colours comments, including after a statement', () => {
    assertScope(r0, "# This is the name of the resource and it's settings.", 'comment.line.number-sign.drbd');
    assertScope(v83, '# 2 minutes.', 'comment.line.number-sign.drbd', { line: 167 });
  });

  it('reads a skip { ... } section, nested braces included, as a comment', () => {
    assertScope(v83, 'skip', 'keyword.other.section.drbd', { line: 24 });
    assertScope(v83, 'just precede it with', 'comment.block.skip.drbd');
    assertScope(v83, "some 'resource <some name> {...}' section:", 'comment.block.skip.drbd');
    assertNotScope(v83, 'resource', 'keyword', { line: 28 });
    assertScope(v83, 'global', 'keyword.other.section.drbd', { line: 51 });
  });

  it('colours IPv6 addresses in brackets and the address family', async () => {
    const v6 = await tokenizeText('drbd', 'resource r6 {\n  on a {\n    address ipv6 [fd00::1]:7789;\n  }\n}\n');
    assertScope(v6, 'ipv6', 'support.constant.address-family.drbd');
    assertScope(v6, 'fd00::1', 'constant.numeric.ip-address.drbd');
    assertScope(v6, '7789', 'constant.numeric.port.drbd');
  });
});
