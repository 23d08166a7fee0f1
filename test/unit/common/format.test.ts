/** The layout engine every formatter uses (server/src/common/format.ts), on its own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GapRule, layoutEdits, MAX_INDENT_LEVELS, Span } from '../../../server/src/common/format';
import { LineIndex } from '../../../shared/src/lineIndex';

const SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

/** The words of `text` as tokens, each gap ruled by `rule`; returns the edits and the text they make. */
function layout(text: string, rule: (i: number, tokens: Span[]) => GapRule | null, options = SPACES, range?: Parameters<typeof layoutEdits>[3]): { edits: TextEdit[]; text: string } {
  const tokens = [...text.matchAll(/[A-Za-z0-9{}]+/g)].filter((m) => !text.slice(0, m.index).split('\n').pop()!.includes('#')).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const edits = layoutEdits(new LineIndex(text), { tokens, rule: (i) => rule(i, tokens), lineComment: '#' }, options, range);
  return { edits, text: TextDocument.applyEdits(TextDocument.create('file:///t', 't', 0, text), edits) };
}

describe('the layout engine', () => {
  it('indents lines, re-indents comment lines, empties blank lines and drops blanks at line ends', () => {
    const result = layout('a  \n    b # keep  \n   \n      # own\n c\n', (i) => ({ indent: i === 0 ? 0 : 1, commentIndent: 2 }));
    assert.equal(result.text, 'a\n  b # keep\n\n    # own\n  c\n');
  });

  it('sets the space between tokens on a line, and breaks a line where a rule wants one, with the file\'s line ends', () => {
    assert.equal(layout('a   b c', (i) => (i === 1 ? { space: ' ' } : i === 2 ? { newline: true, indent: 1 } : null)).text, 'a b\n  c');
    assert.equal(layout('x\r\na b', (i) => (i === 2 ? { newline: true, indent: 0 } : null)).text, 'x\r\na\r\nb');
  });

  it('keeps every line break, a lone CR one too', () => {
    assert.equal(layout('a\r  b\r\n\r\n   c', () => ({ indent: 0 })).text, 'a\rb\r\n\r\nc');
  });

  it('leaves as written a gap ruled null, and one that holds what is neither blank nor comment', () => {
    assert.deepEqual(layout('a\n    b', () => null).edits, []);
    assert.deepEqual(layout('a ; \n    b', () => ({ indent: 0 })).edits, []);
  });

  it('edits only what differs, one line at a time', () => {
    assert.deepEqual(layout('a\n     b\n  c\n', (i) => ({ indent: i === 0 ? 0 : 1 })).edits, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, newText: '' }]);
  });

  it('indents with tabs, or with the tab size in spaces, and no deeper than MAX_INDENT_LEVELS', () => {
    assert.equal(layout('a\nb', () => ({ indent: 2 }), { tabSize: 8, insertSpaces: false }).text, '\t\ta\n\t\tb');
    assert.equal(layout('a\nb', (i) => ({ indent: i }), { tabSize: 3, insertSpaces: true }).text, 'a\n   b');
    assert.equal(layout('a\nb', () => ({ indent: 1000 }), { tabSize: 1, insertSpaces: true }).text, `${' '.repeat(MAX_INDENT_LEVELS)}a\n${' '.repeat(MAX_INDENT_LEVELS)}b`);
  });

  it('keeps, for a range, the edits on the lines it covers; a selection that ends at a line start leaves that line', () => {
    const text = ' a\n b\n c\n d\n';
    const covering = (startLine: number, endLine: number, endCharacter: number) => layout(text, () => ({ indent: 0 }), SPACES, { start: { line: startLine, character: 1 }, end: { line: endLine, character: endCharacter } }).text;
    assert.equal(covering(1, 3, 0), ' a\nb\nc\n d\n');
    assert.equal(covering(2, 2, 0), ' a\n b\nc\n d\n');
  });
});
