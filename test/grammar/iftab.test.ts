import { before, describe, it } from 'node:test';
import { readFixture } from '../helpers/fixtures';
import { assertNotScope, assertScope, tokenizeText, TokenizedText } from '../helpers/tokenize';

describe('iftab grammar', () => {
  let seed: TokenizedText;
  let examples: TokenizedText;
  before(async () => {
    seed = await tokenizeText('iftab', readFixture('grammar', 'iftab', 'seed.iftab'));
    examples = await tokenizeText('iftab', readFixture('iftab', 'corpus', 'HewlettPackard__wireless-tools__wireless_tools__iftab.5.EXAMPLES.iftab'));
  });

  it('colours the interface name, the selector and the MAC of an entry', () => {
    assertScope(seed, 'eth0', 'entity.name.type.interface.iftab');
    assertScope(seed, 'mac', 'keyword.other.selector.iftab', { line: 1 });
    assertScope(seed, '00:16:3e:00:01:01', 'constant.other.mac-address.iftab');
    assertScope(seed, '00:16:3e:00:02:01', 'constant.other.mac-address.iftab');
  });

  it('colours every selector of a line with several, and their numeric values', () => {
    assertScope(examples, 'driver', 'keyword.other.selector.iftab', { line: 3 });
    assertScope(examples, 'wavelan', 'string.unquoted.iftab');
    assertScope(examples, 'interrupt', 'keyword.other.selector.iftab');
    assertScope(examples, '15', 'constant.numeric.integer.decimal.iftab');
    assertScope(examples, 'baseaddress', 'keyword.other.selector.iftab');
    assertScope(examples, '0x390', 'constant.numeric.integer.hexadecimal.iftab');
    assertScope(examples, '0000:02:05.0', 'constant.other.bus-info.iftab');
  });

  it('colours wildcards in interface names and MAC prefixes', () => {
    assertScope(examples, 'air', 'entity.name.type.interface.iftab', { line: 5 });
    assertScope(examples, '*', 'keyword.operator.wildcard.iftab', { line: 5 });
    assertScope(examples, '00:07:0E:*', 'constant.other.mac-address.iftab');
    assertScope(examples, '*', 'keyword.operator.wildcard.iftab', { line: 5, after: '00:07:0E:' });
  });

  it('colours SYSFS{attribute} selectors with the attribute as a parameter', () => {
    assertScope(examples, 'SYSFS', 'keyword.other.selector.iftab', { line: 6 });
    assertScope(examples, 'address', 'variable.parameter.sysfs-attribute.iftab', { line: 6 });
    assertScope(examples, '{', 'punctuation.definition.sysfs-attribute.begin.iftab', { line: 6 });
    assertScope(examples, '../driver', 'variable.parameter.sysfs-attribute.iftab', { line: 8 });
    assertScope(examples, 'bcm43xx', 'string.unquoted.iftab', { line: 8 });
  });

  it('colours # comment lines and a quoted value', async () => {
    assertScope(examples, '# This is a comment', 'comment.line.number-sign.iftab');
    const quoted = await tokenizeText('iftab', '#wlan1 mac 00:0f:12:89:0f:d1\nwlan0 driver "b43 legacy"\n');
    assertScope(quoted, 'wlan1 mac 00:0f:12:89:0f:d1', 'comment.line.number-sign.iftab');
    assertNotScope(quoted, '00:0f:12:89:0f:d1', 'constant.other.mac-address');
    assertScope(quoted, '"b43 legacy"', 'string.quoted.double.iftab');
  });
});
