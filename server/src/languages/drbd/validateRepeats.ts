/**
 * Statements and sections written twice. drbdadm refuses ("conflicting use
 * of …") a second `device`, `disk`, `address`, `meta-disk` (or
 * `flexible-meta-disk`) or `node-id` in one host section; a second `device`
 * or `protocol` in a resource or `common` (which it parses as a resource); a
 * second section of one kind in either; a second `net` in a connection; a
 * second `global` or `common`; a second resource of one name. drbdadm 9 also
 * refuses an option set twice in a `net` or `disk` section ("ambiguous
 * inheritance"). Any other repeat is read, one value silently winning.
 * The messages are functions: a generated file may repeat a resource thousands
 * of times, and past the problems listed none is written.
 */
import { Severity } from '../../common/diagnostics';
import { nameTable } from '../../common/nameTable';
import { Code } from './codes';
import { drbdadmLine } from './lexer';
import { HOST_SECTIONS } from './model';
import type { DrbdDocument, OptionNode, SectionNode } from './parse';
import type { TokenReporter } from './reporter';
import { Dialect, OPAQUE_SECTIONS, tableOf, TOP_LEVEL } from './schema';

/** What drbdadm calls each statement it takes once per host; `flexible-meta-disk` is a `meta-disk`. */
const ONCE_PER_HOST: Record<string, string> = nameTable({ device: 'device', disk: 'disk', address: 'address', 'meta-disk': 'meta-disk', 'flexible-meta-disk': 'meta-disk', 'node-id': 'node-id', 'alternate-link-address': 'alt-address' });
/** The statements drbdadm takes once per resource (or `common`). */
const ONCE_PER_RESOURCE: Record<string, string> = nameTable({ device: 'device', protocol: 'protocol' });
/** The sections drbdadm takes once in a section of each kind. */
const SECTIONS_ONCE: Record<string, readonly string[]> = nameTable({
  [TOP_LEVEL]: ['global', 'common'],
  resource: ['disk', 'net', 'syncer', 'startup', 'handlers', 'proxy', 'options'],
  common: ['disk', 'net', 'syncer', 'startup', 'handlers', 'proxy', 'options'],
  connection: ['net'],
});
/** Options that are meant to be written more than once. */
const REPEATABLE = new Set(['include', 'host', 'hosts']);

export function validateRepeats(doc: DrbdDocument, dialect: Dialect, out: TokenReporter): void {
  new RepeatChecker(dialect, out).section(doc.root);
  resourceNames(doc, out);
}

/** How a message names a section: `this 'on alpha' section`, `resource 'r0'`. */
function label(section: SectionNode): string {
  if (section.name === 'resource') return `resource '${section.args[0]?.text ?? ''}'`;
  if (section.name === TOP_LEVEL) return 'this file';
  return `this '${[section.keyword?.text ?? section.name, ...section.args.map((a) => a.text)].join(' ')}' section`;
}

/** The line of the resource a section is in (drbdadm 9 reports ambiguous inheritance there). */
function resourceLine(section: SectionNode | undefined): number | undefined {
  for (let s = section; s; s = s.parent) if (s.name === 'resource' && s.keyword) return drbdadmLine(s.keyword);
  return undefined;
}

class RepeatChecker {
  constructor(
    private readonly dialect: Dialect,
    private readonly out: TokenReporter,
  ) {}

  section(section: SectionNode): void {
    // Made when a section has something to compare: two maps for every section were the most allocated objects of validating a big file.
    let options: Map<string, OptionNode> | undefined;
    let sections: Map<string, SectionNode> | undefined;
    const once = SECTIONS_ONCE[section.name];
    for (const child of section.children) {
      if (child.kind === 'section') {
        if (once?.includes(child.name) && child.keyword) {
          const first = sections?.get(child.name);
          if (first) this.sectionTwice(section, child, first);
          else (sections ??= new Map()).set(child.name, child);
        }
        if (!OPAQUE_SECTIONS.has(child.name)) this.section(child);
        continue;
      }
      const name = child.keyword.value;
      if (REPEATABLE.has(name)) continue;
      const key = HOST_SECTIONS.has(section.name) ? (ONCE_PER_HOST[name] ?? name) : name;
      const first = options?.get(key);
      if (first) this.optionTwice(section, child, first);
      else (options ??= new Map()).set(key, child);
    }
  }

  private optionTwice(section: SectionNode, option: OptionNode, first: OptionNode): void {
    const name = option.keyword.value;
    const conflicting = HOST_SECTIONS.has(section.name) ? ONCE_PER_HOST[name] : section.name === 'resource' || section.name === 'common' ? ONCE_PER_RESOURCE[name] : undefined;
    const related = [{ token: first.keyword, message: `the first '${first.keyword.text}'` }];
    if (conflicting) {
      this.out.report(option.keyword, Severity.Error, Code.duplicateOption, () => `'${name}' is already set in ${label(section)} (line ${first.keyword.line + 1}); drbdadm refuses the second ("conflicting use of ${conflicting} statement"): keep one.`, { related });
      return;
    }
    // drbdadm 9 refuses the file ("ambiguous inheritance") when a resource inherits such a section; 8.x silently keeps one value.
    const ambiguous = this.dialect === '9' && (tableOf(section) === 'net' || tableOf(section) === 'disk');
    this.out.report(option.keyword, ambiguous ? Severity.Error : Severity.Warning, Code.duplicateOption, () => `'${name}' is set twice in this section (first on line ${first.keyword.line + 1}); keep one.`, {
      related,
      oracleLine: ambiguous ? resourceLine(section) : undefined,
    });
  }

  private sectionTwice(parent: SectionNode, section: SectionNode, first: SectionNode): void {
    const name = section.name;
    const what = parent.name === TOP_LEVEL && name === 'common' ? 'resource section' : `${name} section`;
    this.out.report(section.keyword!, Severity.Error, Code.duplicateSection, () => `A second '${name}' section in ${label(parent)} (the first is on line ${first.keyword!.line + 1}); drbdadm refuses it ("conflicting use of ${what}"): merge the two.`, {
      related: [{ token: first.keyword!, message: `the first '${name}' section` }],
    });
  }
}

/** A resource name defined twice in the file (across files: crossFile.ts). */
function resourceNames(doc: DrbdDocument, out: TokenReporter): void {
  const seen = new Map<string, SectionNode>();
  for (const child of doc.root.children) {
    if (child.kind !== 'section' || child.name !== 'resource' || !child.args[0]) continue;
    const name = child.args[0].value;
    const first = seen.get(name);
    if (!first) {
      seen.set(name, child);
      continue;
    }
    out.report(child.args[0], Severity.Error, Code.duplicateResource, () => `Resource '${name}' is already defined on line ${first.keyword!.line + 1}; drbdadm refuses the second ("conflicting use of resource section"): rename one.`, {
      related: [{ token: first.args[0], message: `resource '${name}'` }],
      oracleLine: drbdadmLine(child.keyword!),
    });
  }
}
