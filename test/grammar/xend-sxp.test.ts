import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { before, describe, it } from 'node:test';
import { fixtureFiles, readFixture } from '../helpers/fixtures';
import { assertNotScope, assertScope, tokenizeText, TokenizedText } from '../helpers/tokenize';

describe('xend-sxp grammar', () => {
  let relocation: TokenizedText;
  let xenapi: TokenizedText;
  before(async () => {
    relocation = await tokenizeText('xend-sxp', readFixture('grammar', 'xend-sxp', 'relocation.sxp'));
    xenapi = await tokenizeText('xend-sxp', readFixture('xend-sxp', 'corpus', 'xen-project__xen__2008-05-01__tools__examples__xend-config-xenapi.sxp'));
  });

  it('colours the option name of each (option value) as a key, dashes included', () => {
    assertScope(relocation, 'xend-relocation-hosts-allow', 'support.type.property-name.xend-sxp');
    assertScope(relocation, 'xend-relocation-server', 'support.type.property-name.xend-sxp');
    assertScope(relocation, '(', 'punctuation.section.parens.begin.xend-sxp', { line: 2 });
    assertScope(relocation, ')', 'punctuation.section.parens.end.xend-sxp', { line: 2 });
  });

  it('colours yes/no, numbers, quoted strings and bare symbols', () => {
    assertScope(relocation, 'yes', 'constant.language.boolean.xend-sxp', { line: 5 });
    assertScope(relocation, '8002', 'constant.numeric.xend-sxp');
    assertScope(relocation, "''", 'string.quoted.single.xend-sxp', { line: 11 });
    assertScope(xenapi, 'network-bridge', 'string.unquoted.symbol.xend-sxp', { line: 141 });
    assertScope(xenapi, '196', 'constant.numeric.xend-sxp', { line: 173 });
  });

  it('colours the escaped backslashes of a hosts-allow regex', () => {
    assertScope(xenapi, "'^localhost$ ^localhost\\\\.localdomain$'", 'string.quoted.single.xend-sxp', { line: 111 });
    assertScope(xenapi, '\\\\', 'constant.character.escape.xend-sxp', { line: 111 });
  });

  it('treats a commented-out option as a comment, not as an option', () => {
    assertScope(relocation, '# xend-config.sxp migration settings', 'comment.line.number-sign.xend-sxp');
    assertScope(xenapi, "#(xend-relocation-hosts-allow '')", 'comment.line.number-sign.xend-sxp', { line: 110 });
    assertNotScope(xenapi, 'xend-relocation-hosts-allow', 'support.type.property-name', { line: 110 });
  });

  it('colours values of nested lists without taking their first atom for an option', () => {
    assertScope(xenapi, 'xen-api-server', 'support.type.property-name.xend-sxp', { line: 46 });
    assertScope(xenapi, '9363', 'constant.numeric.xend-sxp', { line: 46 });
    assertScope(xenapi, 'none', 'string.unquoted.symbol.xend-sxp', { line: 46 });
    assertScope(xenapi, 'none', 'meta.list.xend-sxp', { line: 46 });
  });

  it('marks a closing parenthesis without an opening one', async () => {
    const stray = await tokenizeText('xend-sxp', '(xend-port 8000))\n');
    assertScope(stray, ')', 'invalid.illegal.unbalanced-paren.xend-sxp', { nth: 1 });
  });

  it('tokenizes every file of the xend-sxp corpus without an invalid scope', async () => {
    const files = fixtureFiles('xend-sxp', 'corpus');
    assert.ok(files.length >= 10);
    for (const file of files) {
      const { tokens } = await tokenizeText('xend-sxp', readFileSync(file, 'utf8'));
      const invalid = tokens.find((t) => t.scopes.some((s) => s.startsWith('invalid')));
      assert.equal(invalid, undefined, `${basename(file)}:${(invalid?.line ?? 0) + 1}: "${invalid?.text}" is marked invalid`);
    }
  });
});
