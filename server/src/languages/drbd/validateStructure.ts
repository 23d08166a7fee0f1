/** Structure and option checks: sections in the right place, known options with valid values. */
import { Severity } from '../../common/diagnostics';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { nameTable } from '../../common/nameTable';
import { Code } from './codes';
import { describeDialectChoice, DialectChoice } from './dialectChoice';
import { changeTo, insertSemicolon, moveOption } from './fixes';
import { drbdadmLine, Token } from './lexer';
import { HOST_SECTIONS } from './model';
import type { DrbdDocument, OptionNode, SectionNode } from './parse';
import { tooNew } from './releases';
import { Dialect, DIALECTS, homesOf, KNOWN_KEYWORDS, OPAQUE_SECTIONS, OptionFact, optionFact, optionsIn, Rename, renameFrom83, renameTo83, SECTION_ARGUMENTS, SECTION_CHILDREN, tableOf, TOP_LEVEL } from './schema';
import { WORD_SINCE } from './schema/options.generated';
import type { TokenReporter } from './reporter';
import { BOOLEAN_VALUES, checkEnum, checkNumber, isProblem, parseAddress, ValueProblem } from './values';

/** Options whose values other checks look at: host names (resources.ts), include patterns (includes.ts), connection ends. */
const STRUCTURED = new Set(['become-primary-on', 'include', 'host', 'hosts']);

/** `utils`: the drbd-utils release the hosts run (the drbd.utilsVersion setting; absent: the newest the tables know). */
export function validateStructure(doc: DrbdDocument, choice: DialectChoice, out: TokenReporter, utils?: string): void {
  new StructureChecker(doc, choice, out, utils).section(doc.root);
}

class StructureChecker {
  private readonly dialect: Dialect;
  constructor(
    private readonly doc: DrbdDocument,
    private readonly choice: DialectChoice,
    private readonly out: TokenReporter,
    private readonly utils: string | undefined,
  ) {
    this.dialect = choice.dialect;
  }

  section(section: SectionNode): void {
    for (const child of section.children) {
      if (child.kind === 'section') {
        if (this.placeSection(section, child) && !OPAQUE_SECTIONS.has(child.name)) this.section(child);
      } else {
        this.option(section, child);
      }
    }
  }

  /** Checks a section is known and allowed in its parent; true when its contents are worth checking. */
  private placeSection(parent: SectionNode, section: SectionNode): boolean {
    const keyword = section.keyword;
    if (!keyword) return false;
    const allowed = SECTION_CHILDREN[this.dialect][parent.name] ?? [];
    const name = section.name;
    if (allowed.includes(name)) {
      this.sectionArguments(section, keyword);
      return true;
    }
    if (name === 'syncer' && this.dialect !== '8.3' && (parent.name === 'resource' || parent.name === 'common')) {
      // drbdadm 8.4 still converts an 8.3 syncer section; its options get their own messages.
      return true;
    }
    const where = parent.name === TOP_LEVEL ? 'at the top level' : `inside '${parent.name}'`;
    const homes = Object.entries(SECTION_CHILDREN[this.dialect]).filter(([, children]) => children.includes(name)).map(([p]) => (p === TOP_LEVEL ? 'the top level' : `'${p}'`));
    if (homes.length > 0) {
      this.out.report(keyword, Severity.Error, Code.wrongSection, `A '${name}' section cannot be written ${where}; it belongs in ${homes.join(' or ')}.`);
      return true;
    }
    const otherDialects = DIALECTS.filter((d) => Object.values(SECTION_CHILDREN[d]).some((c) => c.includes(name)));
    if (otherDialects.length > 0) {
      this.out.report(keyword, Severity.Error, Code.wrongDialect, `The '${name}' section is DRBD ${otherDialects.join('/')} syntax, but this file is ${describeDialectChoice(this.choice)}.`);
      return false;
    }
    const suggestions = didYouMean(name, allowed);
    const known = allowed.length > 0 ? `; ${where} DRBD ${this.dialect} takes ${allowed.map((a) => `'${a}'`).join(', ')}` : '';
    this.out.report(keyword, Severity.Error, Code.unknownSection, `Unknown section '${name}'${suggestions.length ? '' : known}${suggestionSuffix(suggestions) || '.'}`, { fixes: changeTo(suggestions) });
    return false;
  }

  private sectionArguments(section: SectionNode, keyword: Token): void {
    const spec = SECTION_ARGUMENTS[section.name];
    if (!spec) return;
    if (section.args.length < spec.min) {
      this.out.report(keyword, Severity.Error, Code.syntax, `'${section.name}' needs ${spec.describe} before '{'.`);
    } else if (section.args.length > spec.max) {
      const extra = section.args[spec.max];
      this.out.report(extra, Severity.Error, Code.syntax, `Unexpected '${extra.text}': '${section.name}' takes ${spec.describe}.`);
    } else if (section.name === 'volume' && !/^\d+$/.test(section.args[0].value)) {
      this.out.report(section.args[0], Severity.Error, Code.invalidValue, `A volume number must be a whole number (0, 1, …); '${section.args[0].text}' is not.`);
    }
  }

  private option(section: SectionNode, option: OptionNode): void {
    const name = option.keyword.value;
    const table = tableOf(section);
    const fact = optionFact(this.dialect, table, name);
    if (!fact) return this.misplacedOption(section, option);
    if (this.newerThanUtils(option.keyword, fact.since)) return;
    if (fact.type === 'deprecated') {
      this.out.report(option.keyword, Severity.Information, Code.ignoredOption, `drbdadm ${this.dialect} reads '${name}' and ignores it: the option is obsolete and has no effect; remove it.`);
      return;
    }
    if (fact.alias) this.aliased(option, table, fact.alias);
    if (STRUCTURED.has(name)) {
      for (const word of option.args) if (WORD_SINCE[word.value] && this.dialect === '9') this.newerThanUtils(word, WORD_SINCE[word.value]);
      return;
    }
    this.value(option, fact);
  }

  /** A DRBD 9 keyword newer than the hosts' drbd-utils: true when reported. */
  private newerThanUtils(token: Token, since: string | undefined): boolean {
    const release = tooNew(since, this.utils);
    if (!release) return false;
    this.out.report(token, Severity.Error, Code.newerThanUtils, `'${token.text}' came with drbd-utils ${release}; the hosts run drbd-utils ${this.utils} (the drbd.utilsVersion setting), whose drbdadm refuses it.`);
    return true;
  }

  /** An old name drbdadm still reads under its new one (8.4 `disk { rate }` is `resync-rate`). */
  private aliased(option: OptionNode, table: string, alias: string): void {
    const name = option.keyword.value;
    const readBy9 = this.dialect === '9' || optionFact('9', table, name) !== undefined;
    const message = `'${name}' is the old name of '${alias}': drbdadm ${this.dialect} reads it as '${alias}'${readBy9 ? '' : ', drbdadm 9 refuses it'}; write '${alias}'.`;
    this.out.report(option.keyword, readBy9 ? Severity.Information : Severity.Warning, Code.movedOption, message, { fixes: changeTo([alias]) });
  }

  private misplacedOption(section: SectionNode, option: OptionNode): void {
    const keyword = option.keyword;
    const name = keyword.value;
    const from83 = this.dialect !== '8.3' ? renameFrom83(section.name, name) : undefined;
    if (from83) return this.renamed(option, from83);
    const to83 = this.dialect === '8.3' ? renameTo83(section.name, name) : undefined;
    if (to83) {
      this.out.report(keyword, Severity.Error, Code.movedOption, `'${name}' in '${section.name}' is DRBD 8.4 syntax; DRBD 8.3 writes it as '${to83.from.name}' in the '${to83.from.section}' section.`, { fixes: moveOption(this.doc, option) });
      return;
    }
    const homes = homesOf(this.dialect, name).filter((h) => h !== TOP_LEVEL || name === 'include');
    const where = section.name === TOP_LEVEL ? 'at the top level' : `in a '${section.name}' section`;
    if (homes.length > 0) {
      const list = homes.map((h) => (h === TOP_LEVEL ? 'the top level' : `'${h}'`)).join(' or ');
      this.out.report(keyword, Severity.Error, Code.wrongSection, `'${name}' cannot be written ${where}; it belongs in ${list}${HOST_SECTIONS.has(section.name) || section.name === 'resource' ? '' : ' (DRBD ' + this.dialect + ')'}.`);
      return;
    }
    const otherDialects = DIALECTS.filter((d) => homesOf(d, name).length > 0);
    if (otherDialects.length > 0) {
      this.out.report(keyword, Severity.Error, Code.wrongDialect, `'${name}' is DRBD ${otherDialects.join('/')} syntax, but this file is ${describeDialectChoice(this.choice)}.`);
      return;
    }
    const candidates = [...optionsIn(this.dialect, tableOf(section)).keys()];
    const suggestions = didYouMean(name, candidates);
    const what = section.name === TOP_LEVEL ? 'top-level keyword' : `'${section.name}' option`;
    this.out.report(keyword, Severity.Error, Code.unknownOption, `Unknown ${what} '${name}' in DRBD ${this.dialect}${suggestionSuffix(suggestions) || '.'}`, { fixes: changeTo(suggestions) });
  }

  /** An 8.3 option in an 8.4/9 file: say where it lives now. */
  private renamed(option: OptionNode, rename: Rename): void {
    const { to } = rename;
    const target = to.value ? `'${to.name} ${to.value};'` : `'${to.name}'`;
    const fromSyncer = rename.from.section === 'syncer';
    // drbdadm 9 refuses the syncer rates (rate, c-*), 8.4 converts them. Resource-level `protocol` is merely old-fashioned.
    const refused = fromSyncer && this.dialect === '9' && (rename.from.name === 'rate' || rename.from.name.startsWith('c-'));
    const severity = refused ? Severity.Error : rename.from.name === 'protocol' ? Severity.Information : Severity.Warning;
    const since = fromSyncer ? `the '${rename.from.section}' section is DRBD 8.3 syntax; since 8.4` : 'this is DRBD 8.3 syntax; since 8.4';
    this.out.report(option.keyword, severity, Code.movedOption, `'${rename.from.name}': ${since} it is ${target} in the '${to.section}' section.`, { fixes: moveOption(this.doc, option) });
  }

  private value(option: OptionNode, fact: OptionFact): void {
    const name = option.keyword.value;
    const problem = checkValue(option, name, fact, this.dialect);
    // `device minor 1 disk /dev/x;`: the value ended and a new option began without a ';'.
    const next = problem ? option.args.findIndex((a, i) => i > 0 && a.kind === 'word' && KNOWN_KEYWORDS.has(a.value)) : -1;
    if (next > 0) {
      const last = option.args[next - 1];
      this.out.report(last, Severity.Error, Code.missingSemicolon, `Missing ';' after '${last.text}' to end the '${name}' option before '${option.args[next].text}'.`, {
        fixes: insertSemicolon(this.doc, last.end),
        oracleLine: drbdadmLine(option.args[next]),
      });
      return;
    }
    if (problem) this.out.report(problem.token, Severity.Error, problem.code, problem.message, { fixes: changeTo(problem.suggestions ?? []) });
  }
}

/** How many value tokens an option takes, by type, and for the options with a shape of their own. */
const SHAPES: Record<string, { min: number; max: number; describe: string }> = nameTable({
  device: { min: 1, max: 3, describe: "'/dev/drbdN', 'minor N' or '/dev/drbd_NAME minor N'" },
  disk: { min: 1, max: 1, describe: "a block device path or 'none'" },
  'meta-disk': { min: 1, max: 2, describe: "'internal', or a device with an optional '[index]'" },
  'flexible-meta-disk': { min: 1, max: 1, describe: "'internal' or a device" },
  'node-id': { min: 1, max: 1, describe: 'a number from 0 to 31' },
  after: { min: 1, max: 1, describe: 'a resource name' },
  'resync-after': { min: 1, max: 1, describe: 'a resource name' },
  address: { min: 1, max: 2, describe: "'[ipv4|ipv6] address:port'" },
});

function arity(name: string, fact: OptionFact, dialect: Dialect): { min: number; max: number; describe?: string } {
  if (SHAPES[name]) return SHAPES[name];
  switch (fact.type) {
    case 'flag':
      return { min: 0, max: 0 };
    case 'boolean':
      return { min: fact.needsValue ? 1 : 0, max: dialect === '8.3' ? 0 : 1 };
    case 'address':
    case 'value':
      return { min: 1, max: 8 };
    default:
      return { min: 1, max: 1 };
  }
}

export function checkValue(option: OptionNode, name: string, fact: OptionFact, dialect: Dialect): ValueProblem | undefined {
  const { args, keyword } = option;
  const shape = arity(name, fact, dialect);
  // Written out only for a message: most options have a valid value, and an enum's list is a join.
  const expected = () => (shape.describe ? ` (${shape.describe})` : describeExpected(fact));
  if (args.length < shape.min) return { token: keyword, code: Code.invalidValue, message: `'${name}' needs a value${expected()}.` };
  if (args.length > shape.max) {
    const extra = args[shape.max];
    const message = shape.max === 0 ? `'${name}' is a flag and takes no value in DRBD ${dialect}; write '${name};'.` : `Unexpected '${extra.text}': '${name}' takes ${shape.max === 1 ? 'one value' : `at most ${shape.max} words`}${expected()}.`;
    return { token: extra, code: Code.invalidValue, message };
  }
  const value = args[0];
  if (!value) return undefined;
  if (name === 'address') {
    const parsed = parseAddress(args, keyword);
    return isProblem(parsed) ? parsed : undefined;
  }
  if (name === 'device' && !validDevice(args)) return { token: value, code: Code.invalidValue, message: `'device ${args.map((a) => a.text).join(' ')}' is not a DRBD device; write ${SHAPES.device.describe}.` };
  if (name === 'node-id') return checkNumber(value, name, { type: 'numeric', min: 0, max: 31 });
  switch (fact.type) {
    case 'numeric':
      return checkNumber(value, name, fact);
    case 'enum':
      return fact.values ? checkEnum(value, name, fact.values) : undefined;
    case 'enum_or_number':
      return checkEnum(value, name, fact.values ?? [], fact);
    case 'boolean':
      return checkEnum(value, name, BOOLEAN_VALUES);
    default:
      return undefined;
  }
}

function validDevice(args: Token[]): boolean {
  const words = args.map((a) => a.value);
  const minorAt = words.indexOf('minor');
  if (minorAt < 0) return words.length === 1 && words[0].startsWith('/');
  return minorAt === words.length - 2 && /^\d+$/.test(words[minorAt + 1]) && (minorAt === 0 || (minorAt === 1 && words[0].startsWith('/')));
}

function describeExpected(fact: OptionFact): string {
  if (fact.values) return ` (${fact.values.join(', ')})`;
  if (fact.type === 'numeric') return ' (a number)';
  if (fact.type === 'boolean') return ' (yes or no)';
  return '';
}
