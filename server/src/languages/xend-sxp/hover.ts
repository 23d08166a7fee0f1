import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { legacyOption, networkScript, releaseSpan, XEND_REMOVED_IN, XendOptionSpec } from './schema';
import type { XendDocument, XendOption } from './parse';
import { SexpAtom, walkSexp } from '../../../../shared/src/sexp';
import { readBoolean, splitNetworkScript } from './values';
import { BOOLEAN_DOCS, VALUE_DOCS } from './schema/docs';
import { code, docText, escapeText } from '../../common/markdown';

/** What a value completion offers means (Markdown), when the tables say. */
export function describeValue(spec: XendOptionSpec, value: string): string | undefined {
  const doc = VALUE_DOCS[spec.name]?.[value] ?? (spec.type === 'boolean' ? BOOLEAN_DOCS[value] : undefined);
  return doc === undefined ? undefined : `${code(value)} (${escapeText(spec.name)}): ${docText(doc)}`;
}

export function describeType(spec: XendOptionSpec): string {
  const type = spec.type === 'sxp' ? 'S-expression' : spec.type;
  return spec.default === undefined ? `${type}, unset by default` : `${type}, default ${spec.default}`;
}

/** Hover on an option name (its documentation) or on a value (what it means). */
export function hover(doc: XendDocument, position: Position): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const option = doc.options.find((o) => o.form.start <= offset && offset <= o.form.end);
  if (!option) return null;
  if (option.nameAtom.start <= offset && offset <= option.nameAtom.end) return optionHover(option);
  const atom = atomAt(option, offset);
  if (!atom || !option.spec) return null;
  const text = valueHover(option.spec, atom, offset);
  return text ? { contents: { kind: MarkupKind.Markdown, value: text }, range: atom.range } : null;
}

function atomAt(option: XendOption, offset: number): SexpAtom | undefined {
  for (const node of walkSexp(option.values)) if (node.kind === 'atom' && node.start <= offset && offset <= node.end) return node;
  return undefined;
}

function optionHover(option: XendOption): Hover {
  const legacy = option.spec ? undefined : legacyOption(option.name);
  const kind = option.spec ? describeType(option.spec) : legacy ? `Xen ${releaseSpan(legacy.readBy)} only, default ${legacy.default}` : 'unknown to xend';
  const lines = [`**${escapeText(option.name)}** (${escapeText(kind)})`, ''];
  if (legacy) {
    lines.push(docText(legacy.doc), '', `Read by the xend of Xen ${releaseSpan(legacy.readBy)}; xend of Xen 3.0 and later ignores it${legacy.later ? `. From 3.0 on, ${docText(legacy.later)}` : ''}.`);
  } else if (option.spec) {
    lines.push(docText(option.spec.doc));
    if (option.spec.vendor) lines.push('', `Read only by ${option.spec.vendor}'s patched xend.`);
    const replacement = option.spec.xlReplacement ?? option.spec.xlGone;
    if (replacement) lines.push('', `Since Xen ${XEND_REMOVED_IN} (no xend): ${option.spec.xlReplacement ? `use ${docText(replacement)}` : docText(replacement)}.`);
  } else {
    lines.push('xend does not read this option and ignores it.');
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: option.nameAtom.range };
}

function valueHover(spec: XendOptionSpec, atom: SexpAtom, offset: number): string | undefined {
  if (spec.type === 'boolean') {
    const value = readBoolean(atom.value);
    return value === undefined ? `xend accepts yes/no, on/off, true/false, y/n, t/f or 1/0 here, not ${code(atom.value)}.` : `${code(atom.value)} reads as **${value ? 'yes' : 'no'}**.`;
  }
  if (spec.role === 'network-script') return networkScriptHover(atom, offset);
  return describeValue(spec, atom.quote ? `${atom.quote}${atom.value}${atom.quote}` : atom.value);
}

/** Explains the script, or the `key=value` argument under the cursor. */
function networkScriptHover(atom: SexpAtom, offset: number): string | undefined {
  const words = splitNetworkScript(atom.value);
  if (words.length === 0) return 'No network script: xend leaves dom0\'s network as the distribution set it up.';
  const script = networkScript(words[0].text);
  // Offsets inside the value match the source when the value has no escapes (the usual case).
  const inner = offset - atom.start - (atom.quote ? 1 : 0);
  const word = words.find((w) => w.start <= inner && inner <= w.end);
  if (word && word !== words[0]) {
    const key = word.text.split('=')[0];
    const argument = script?.arguments[key];
    if (argument) return `**${escapeText(`${key}=`)}** (argument of ${code(script!.name)}): ${docText(argument)}`;
    return script ? `${code(script.name)} does not know the argument ${code(key)}; it knows ${Object.keys(script.arguments).map((k) => code(`${k}=`)).join(', ') || 'none'}.` : undefined;
  }
  if (!script) return `Custom network script ${code(words[0].text)} (run from /etc/xen/scripts unless it is a path) with the arguments 'start' or 'stop' followed by the ones given here.`;
  const args = Object.entries(script.arguments).map(([key, text]) => `- ${code(`${key}=`)}: ${docText(text)}`);
  return [`**${escapeText(script.name)}**: ${docText(script.doc)}`, ...(args.length > 0 ? ['', 'Arguments:', ...args] : [])].join('\n');
}
