import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { moreProblems } from '../../common/report';
import { LineIndex } from '../../../../shared/src/lineIndex';
import type { ParsedDocument } from '../types';
import { parseSexp, SexpAtom, SexpErrorKind, SexpList, SexpNode, SexpTree } from '../../../../shared/src/sexp';
import { Code } from './codes';
import { optionSpec, XendOptionSpec } from './schema';

export const SOURCE = 'xend-sxp';

/** One top-level `(name value …)` form. */
export interface XendOption {
  form: SexpList;
  nameAtom: SexpAtom;
  name: string;
  /** Everything after the name; xend reads only the first. */
  values: SexpNode[];
  spec?: XendOptionSpec;
}

export interface XendDocument extends ParsedDocument {
  tree: SexpTree;
  options: XendOption[];
  /** Top-level nodes that are not `(name …)` forms; xend never looks at them. */
  strays: SexpNode[];
}

const SYNTAX_CODES: Record<SexpErrorKind, string> = {
  'unclosed-list': Code.syntaxUnclosedList,
  'unexpected-close': Code.syntaxUnexpectedClose,
  'unterminated-string': Code.syntaxUnterminatedString,
  'invalid-character': Code.syntaxInvalidCharacter,
  'too-deep': Code.syntaxTooDeep,
};

export function parse(text: string): XendDocument {
  const lines = new LineIndex(text);
  const tree = parseSexp(text, lines);
  const syntaxErrors = syntaxDiagnostics(tree);
  const options: XendOption[] = [];
  const strays: SexpNode[] = [];
  for (const node of tree.nodes) {
    const head = node.kind === 'list' ? node.items[0] : undefined;
    if (node.kind === 'list' && head?.kind === 'atom') {
      options.push({ form: node, nameAtom: head, name: head.value, values: node.items.slice(1), spec: optionSpec(head.value) });
    } else {
      strays.push(node);
    }
  }
  return { text, lines, syntaxErrors, tree, options, strays };
}

/** Exactly `parse(text).syntaxErrors`, with each top-level form let go once read. */
export function syntaxErrors(text: string): Diagnostic[] {
  return syntaxDiagnostics(parseSexp(text, new LineIndex(text), false));
}

function syntaxDiagnostics(tree: SexpTree): Diagnostic[] {
  // xend's reader has no depth limit; ours does, so a too-deep list is ours to skip, not xend's to refuse.
  const found: Diagnostic[] = tree.errors.map((e) => diagnostic(e.range, e.kind === 'too-deep' ? Severity.Warning : Severity.Error, SYNTAX_CODES[e.kind], e.message, SOURCE));
  // The reader keeps its first errors only: the list closes with how many more there are.
  if (tree.moreErrors) found.push(moreProblems(tree.moreErrors.count, tree.lines.positionAt(tree.moreErrors.start), SOURCE));
  return found;
}

/** The option xend uses for `name`: the first form with that name. */
export function effectiveOption(doc: XendDocument, name: string): XendOption | undefined {
  return doc.options.find((option) => option.name === name);
}

/** The atom xend reads as the value of `option`, if its first value is an atom. */
export function valueAtom(option: XendOption | undefined): SexpAtom | undefined {
  const first = option?.values[0];
  return first?.kind === 'atom' ? first : undefined;
}
