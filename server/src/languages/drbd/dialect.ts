/**
 * The dialect a file is written in. The `drbd.dialect` setting decides when it
 * is not 'auto'; else the whole file does. Each section and option only some
 * dialects take marks those dialects (`node-id`, `connection` → 9; `volume`,
 * `resync-rate`, `allow-two-primaries yes` → 8.4 or 9; `syncer`,
 * `no-disk-flushes` → 8.3). When the marks agree the file is the oldest of
 * 8.4, 9, 8.3 they allow (8.4 when nothing marks it, what drbd-utils reads by
 * default). When they disagree, the file is the dialect whose drbdadm reads
 * all of it (drbdadm 8.4 reads a file that mixes 8.3 and 8.4 syntax), a guess
 * the validation reports as an info; when none reads it, the newest one marked.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../types';
import type { DialectChoice, Mark } from './dialectChoice';
import type { Token } from './lexer';
import { DrbdDocument, Node, walk } from './parse';
import { Dialect, DIALECTS, KNOWN_KEYWORDS, optionFact, renameFrom83, SECTION_CHILDREN, tableOf, TOP_LEVEL } from './schema';
import { TokenReporter } from './reporter';
import { validateRepeats } from './validateRepeats';
import { validateResources } from './validateResources';
import { validateStructure } from './validateStructure';

/** Preference among the dialects the marks allow: 8.4 (drbd-utils' default), then 9, then 8.3. */
const PREFERENCE: readonly Dialect[] = ['8.4', '9', '8.3'];

function statementText(tokens: Token[]): string {
  const text = tokens.map((t) => t.text).join(' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A mark whose text is written out only when a message quotes it: most files are never a guess, and an 8.4 file marks most of its statements. */
class StatementMark implements Mark {
  constructor(
    private readonly node: Node,
    readonly dialects: readonly Dialect[],
  ) {}

  get token(): Token {
    return this.node.keyword!;
  }

  get text(): string {
    const { node } = this;
    return statementText(node.kind === 'section' ? [node.keyword!] : [node.keyword, ...node.args]);
  }
}

const ONLY_83: readonly Dialect[] = ['8.3'];

/**
 * The dialects that take a section or option, computed once per parent and name (and per variant of an
 * option: with or without a value, a `device` with `minor`): markOf asks for every statement of the file,
 * and filtering the dialects each time was the most allocated object of checking a 500-resource file.
 * Only known names are kept, so a file of made-up names cannot grow it.
 */
const SECTION_DIALECTS = new Map<string, Map<string, readonly Dialect[]>>();
const OPTION_DIALECTS = new Map<string, Map<string, (readonly Dialect[])[]>>();

/** Whether a (parent, name) pair may be kept: both known to the schema (an option's parent is its table). */
const cacheable = (parent: string, name: string) => KNOWN_KEYWORDS.has(name) && (parent === TOP_LEVEL || parent === 'peer-device-options' || KNOWN_KEYWORDS.has(parent));

function sectionDialects(parent: string, name: string): readonly Dialect[] {
  const found = SECTION_DIALECTS.get(parent)?.get(name);
  if (found) return found;
  const dialects = DIALECTS.filter((d) => SECTION_CHILDREN[d][parent]?.includes(name));
  if (cacheable(parent, name)) byParent(SECTION_DIALECTS, parent).set(name, dialects);
  return dialects;
}

function optionDialects(table: string, name: string, hasValue: boolean, deviceMinor: boolean): readonly Dialect[] {
  const variant = (hasValue ? 1 : 0) + (deviceMinor ? 2 : 0);
  const found = OPTION_DIALECTS.get(table)?.get(name)?.[variant];
  if (found) return found;
  const dialects = DIALECTS.filter((d) => {
    const fact = optionFact(d, table, name);
    if (!fact) return false;
    if (fact.type === 'flag' && hasValue) return false; // 8.3 flags take no value
    return !(d === '8.3' && deviceMinor);
  });
  if (cacheable(table, name)) {
    const byName = byParent(OPTION_DIALECTS, table);
    let variants = byName.get(name);
    if (!variants) byName.set(name, (variants = []));
    variants[variant] = dialects;
  }
  return dialects;
}

function byParent<T>(cache: Map<string, Map<string, T>>, parent: string): Map<string, T> {
  let byName = cache.get(parent);
  if (!byName) cache.set(parent, (byName = new Map()));
  return byName;
}

/** The dialects that take `node` as written, when that is not all of them. */
function markedDialects(node: Node): readonly Dialect[] | undefined {
  const parent = node.parent;
  if (!node.keyword || !parent) return undefined;
  const name = node.keyword.value;
  let dialects: readonly Dialect[];
  if (node.kind === 'section') {
    // drbdadm 8.4 and 9 still read a `syncer` section, but it is what marks a file as 8.3.
    dialects = name === 'syncer' ? ONLY_83 : sectionDialects(parent.name, name);
  } else {
    // A syncer section's options are marked by the section; a resource-level `protocol` is read by every dialect.
    if (parent.name === 'syncer' || (name === 'protocol' && renameFrom83(parent.name, name))) return undefined;
    dialects = optionDialects(tableOf(parent), name, node.args.length > 0, name === 'device' && node.args.some((a) => a.value === 'minor'));
  }
  if (dialects.length === 0 || dialects.length === DIALECTS.length) return undefined;
  return dialects;
}

const sameDialects = (a: readonly Dialect[], b: readonly Dialect[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** The first error the file gets when checked as `dialect` (includes aside: they depend on the disk, not the dialect). */
function refusal(doc: DrbdDocument, dialect: Dialect, reason: DialectChoice['reason']): Diagnostic | undefined {
  const out = new TokenReporter(doc.lines);
  const choice: DialectChoice = { dialect, reason };
  validateStructure(doc, choice, out);
  validateResources(doc, dialect, out);
  validateRepeats(doc, dialect, out);
  return out.findings.find((f) => f.diagnostic.severity === 1)?.diagnostic;
}

function choose(doc: DrbdDocument): DialectChoice {
  let allowed: readonly Dialect[] = DIALECTS;
  // The first mark of each list of dialects, in file order. A later mark with the same list changes no answer
  // below (the first mark that allows a dialect, the first that shares none with a conflicting one), and an
  // 8.4 file marks most of its statements: keeping one mark object per statement was most of choose's garbage.
  const marks: Mark[] = [];
  let conflict: { first: Mark; second: Mark } | undefined;
  for (const node of walk(doc.root)) {
    const dialects = markedDialects(node);
    if (!dialects) continue;
    if (!marks.some((m) => sameDialects(m.dialects, dialects))) marks.push(new StatementMark(node, dialects));
    // Most marks agree with what is already allowed (every 8.4 statement of an 8.4 file): narrow only when they do not.
    const narrowed = allowed.every((d) => dialects.includes(d)) ? allowed : allowed.filter((d) => dialects.includes(d));
    if (narrowed.length > 0) allowed = narrowed;
    else if (!conflict) conflict = { first: marks.find((m) => !m.dialects.some((d) => dialects.includes(d))) ?? marks[0], second: new StatementMark(node, dialects) };
  }
  const reasonFor = (dialect: Dialect): Token | 'default' => marks.find((m) => m.dialects.includes(dialect))?.token ?? 'default';
  if (!conflict) {
    const dialect = PREFERENCE.find((d) => allowed.includes(d))!;
    return { dialect, reason: reasonFor(dialect) };
  }
  for (const dialect of PREFERENCE) {
    const reason = reasonFor(dialect);
    if (!refusal(doc, dialect, reason)) return { dialect, reason, guess: conflict };
  }
  const newest = [...DIALECTS].reverse().find((d) => marks.some((m) => m.dialects.includes(d)))!;
  return { dialect: newest, reason: reasonFor(newest) };
}

const CHOICES = new WeakMap<DrbdDocument, DialectChoice>();

/** The dialect `doc` is checked as, and why (decided once per document). */
export function detectDialect(doc: DrbdDocument, settings: Settings): DialectChoice {
  if (settings.drbd.dialect !== 'auto') return { dialect: settings.drbd.dialect, reason: 'setting' };
  let choice = CHOICES.get(doc);
  if (!choice) {
    choice = choose(doc);
    CHOICES.set(doc, choice);
  }
  return choice;
}
