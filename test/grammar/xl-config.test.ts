import { before, describe, it } from 'node:test';
import { readFixture } from '../helpers/fixtures';
import { assertNotScope, assertScope, tokenizeText, TokenizedText } from '../helpers/tokenize';

const fixture = (...path: string[]) => tokenizeText('xl-config', readFixture(...path));

describe('xl-config grammar', () => {
  let xen1: TokenizedText;
  let win: TokenizedText;
  let vdevices: TokenizedText;
  let xmPython: TokenizedText;
  before(async () => {
    xen1 = await fixture('grammar', 'xl-config', 'xen1.cfg');
    // Real configs the validation tests read too: one copy each, in test/fixtures/xl-config.
    win = await fixture('xl-config', 'seeds', '003-win2008_sql_01.cfg');
    vdevices = await fixture('grammar', 'xl-config', 'domu-vdevices.cfg');
    xmPython = await fixture('xl-config', 'corpus', 'xen-project__xen__RELEASE-4.1.0__tools__examples__xmexample2');
  });

  it('colours keys, the assignment operator, strings and numbers', () => {
    assertScope(xen1, 'memory', 'support.type.property-name.xl-config');
    assertScope(xen1, '=', 'keyword.operator.assignment.xl-config', { line: 4 });
    assertScope(xen1, '64', 'constant.numeric.integer.decimal.xl-config');
    assertScope(xen1, '"/boot/vmlinuz-2.6.18-5-xen-686"', 'string.quoted.double.xl-config');
    assertScope(win, "'hvm'", 'string.quoted.single.xl-config');
    assertScope(win, 'builder', 'support.type.property-name.xl-config');
  });

  it('colours a # comment to the end of the line, including one after a value', () => {
    assertScope(xen1, '# /etc/xen/xen1 from seed 000', 'comment.line.number-sign.xl-config');
    assertScope(xmPython, '# make your domain a 4-way', 'comment.line.number-sign.xl-config');
    assertNotScope(xmPython, '4', 'comment', { line: 71 });
  });

  it('colours a MAC inside a vif spec string, with mac= and bridge= as sub-keys', () => {
    assertScope(xen1, '00:16:3e:00:01:01', 'constant.other.mac-address.xl-config');
    assertScope(xen1, '00:16:3e:00:01:01', 'string.quoted.single.xl-config');
    assertScope(xen1, '00:16:3e:00:02:01', 'constant.other.mac-address.xl-config');
    assertScope(xen1, 'mac', 'variable.other.property.spec-key.xl-config', { line: 10 });
    assertScope(xen1, 'bridge', 'variable.other.property.spec-key.xl-config', { line: 10, nth: 1 });
    assertScope(win, 'mac', 'variable.other.property.spec-key.xl-config', { line: 9 });
    assertScope(win, '00:16:3e:00:30:03', 'constant.other.mac-address.xl-config');
  });

  it('colours disk spec parts: target prefix, virtual device, cdrom device type and access mode', () => {
    assertScope(win, 'phy', 'support.constant.disk-prefix.xl-config');
    assertScope(win, 'file', 'support.constant.disk-prefix.xl-config', { line: 13 });
    assertScope(win, 'hda', 'variable.other.constant.vdev.xl-config');
    assertScope(win, 'cdrom', 'support.constant.devtype.xl-config', { line: 13 });
    assertScope(win, 'w', 'constant.language.access-mode.xl-config', { line: 13, after: 'hda,' });
    assertScope(win, 'r', 'constant.language.access-mode.xl-config', { line: 13, after: 'cdrom,' });
    // the path itself stays a plain string: no sub-key or vdev inside /dev/drbd0_vg0/...
    assertNotScope(win, '/dev/drbd0_vg0/win2008_sql_01', 'variable');
  });

  it('does not colour key=value inside an ordinary string (kernel command line)', () => {
    assertNotScope(xen1, 'selinux', 'variable.other.property.spec-key');
  });

  it('keeps a list open across lines and colours the spec strings on every line', () => {
    // vsnd = [[ 'card, ...',\n 'pcm, name=dev1', ... ]] spans three lines
    assertScope(vdevices, 'name', 'variable.other.property.spec-key.xl-config', { line: 25 });
    assertScope(vdevices, "'stream, unique-id=pulse, type=P'", 'meta.structure.array.xl-config');
    assertScope(vdevices, ']]', 'punctuation.section.array.end.xl-config');
    assertScope(vdevices, 'multi-touch-num-contacts', 'variable.other.property.spec-key.xl-config', { line: 22 });
    assertScope(vdevices, 'multi-touch-num-contacts', 'comment.line.number-sign.xl-config', { line: 21 });
    // disk = [ 'phy:sda%d,sda1,w' % (7+vmid),\n         'phy:sda6,sda6,r' ] in an xm config
    assertScope(xmPython, 'phy', 'support.constant.disk-prefix.xl-config', { line: 103 });
    assertScope(xmPython, 'r', 'constant.language.access-mode.xl-config', { line: 103, after: 'sda6,sda6,' });
    assertScope(xmPython, ']', 'punctuation.section.array.end.xl-config', { line: 103 });
    // after the list closes the next assignment is an ordinary key again
    assertScope(xmPython, 'root', 'support.type.property-name.xl-config', { line: 170 });
  });

  it('reads the Python statements of old xm configs as keywords, not keys', () => {
    assertScope(xmPython, 'def', 'keyword.control.python-style.xl-config', { line: 23 });
    assertScope(xmPython, 'return', 'keyword.control.python-style.xl-config', { line: 27 });
  });

  it('accepts the dotted keys of xl.conf', async () => {
    const xlConf = await tokenizeText('xl-config', 'vif.default.bridge="xenbr0"\nautoballoon="off"\n');
    assertScope(xlConf, 'vif.default.bridge', 'support.type.property-name.xl-config');
    assertScope(xlConf, '"xenbr0"', 'string.quoted.double.xl-config');
  });

  it('colours escapes in both quote styles', async () => {
    const escapes = await tokenizeText('xl-config', `extra = "console=hvc0 msg=\\"hi\\""\ncmdline = 'it\\'s'\n`);
    assertScope(escapes, '\\"', 'constant.character.escape.xl-config');
    assertScope(escapes, "\\'", 'constant.character.escape.xl-config');
    assertScope(escapes, "'it\\'s'", 'string.quoted.single.xl-config', { line: 2 });
  });
});
