import type { Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../../../../shared/src/lineIndex';
import type { ParsedDocument } from '../types';

/** Offsets into the document text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface StringValue extends Span {
  kind: 'string';
  /** The decoded text (escapes resolved). */
  value: string;
  /** Where the characters between the quotes are; equals the decoded text when there are no escapes. */
  inner: Span;
}

export interface NumberValue extends Span {
  kind: 'number';
  /** As written: "64", "0x10", "010". */
  raw: string;
}

export interface ListValue extends Span {
  kind: 'list';
  items: Value[];
  /** False when the closing `]` is missing (the list is cut short by a syntax error). */
  closed: boolean;
}

export type Value = StringValue | NumberValue | ListValue;

export interface Setting extends Span {
  key: { name: string } & Span;
  operator: '=' | '+=';
  /** Undefined when the line breaks off after the operator. */
  value?: Value;
}

/** Which table of keys a file is checked against. */
export type ConfigFileKind = 'domain' | 'xl.conf';

export interface XlDocument extends ParsedDocument {
  readonly fileKind: ConfigFileKind;
  /** Settings in file order, including incomplete ones (without value). */
  readonly settings: Setting[];
  /** The Python construct each `xl/python` syntax error names (the xm toolstack reports it as information). */
  readonly pythonConstructs: ReadonlyMap<Diagnostic, string>;
  /** Comment spans (for folding). */
  readonly comments: Span[];
  readonly lines: LineIndex;
}

/** The last setting of `name` (xl uses the last one when a key repeats). */
export function lastSetting(doc: XlDocument, name: string): Setting | undefined {
  for (let i = doc.settings.length - 1; i >= 0; i--) if (doc.settings[i].key.name === name) return doc.settings[i];
  return undefined;
}

/** The string or number a single-valued setting holds, as text. */
export function scalarText(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return value.raw;
  return undefined;
}

/** The string items of a list setting (or of a single string, which xl also reads as a one-item list for some keys). */
export function stringItems(value: Value | undefined): StringValue[] {
  if (!value) return [];
  if (value.kind === 'string') return [value];
  if (value.kind === 'list') return value.items.filter((item): item is StringValue => item.kind === 'string');
  return [];
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
