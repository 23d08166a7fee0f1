/** A resource-level view of the syntax tree: resources, their hosts and effective settings. */
import type { Token } from './lexer';
import { DrbdDocument, OptionNode, SectionNode, sectionsOf } from './parse';

/** Sections that place a resource on a node: `on HOST`, `floating ADDR`, `stacked-on-top-of RES`. */
export const HOST_SECTIONS = new Set(['on', 'floating', 'stacked-on-top-of']);

export interface HostModel {
  section: SectionNode;
  /** The host name of `on NAME` (undefined for floating/stacked or when missing). */
  name?: Token;
}

export interface ResourceModel {
  section: SectionNode;
  name?: Token;
  hosts: HostModel[];
}

export function resourcesOf(doc: DrbdDocument): ResourceModel[] {
  return sectionsOf(doc.root, 'resource').map((section) => ({
    section,
    name: section.args[0],
    hosts: section.children
      .filter((c): c is SectionNode => c.kind === 'section' && HOST_SECTIONS.has(c.name))
      .map((host) => ({ section: host, name: host.name === 'on' ? host.args[0] : undefined })),
  }));
}

/** The first option `name` directly in `section`. */
export function optionIn(section: SectionNode, name: string): OptionNode | undefined {
  return section.children.find((c): c is OptionNode => c.kind === 'option' && c.keyword.value === name);
}

/**
 * An option of a resource sub-section (`net`, `disk`, `startup`, `handlers`…)
 * as drbdadm resolves it: the resource's own section first, then the file's
 * `common` section.
 */
export function resourceSetting(doc: DrbdDocument, resource: SectionNode, sectionNames: readonly string[], name: string): OptionNode | undefined {
  const own = settingIn(resource, sectionNames, name);
  if (own) return own;
  for (const common of commonSections(doc)) {
    const found = settingIn(common, sectionNames, name);
    if (found) return found;
  }
  return undefined;
}

/** The first option `name` in a `sectionNames` section of `scope` (by loops, not lists: asked several times for each resource). */
function settingIn(scope: SectionNode, sectionNames: readonly string[], name: string): OptionNode | undefined {
  for (const sectionName of sectionNames) {
    for (const child of scope.children) {
      if (child.kind !== 'section' || child.name !== sectionName) continue;
      const found = optionIn(child, name);
      if (found) return found;
    }
  }
  return undefined;
}

const COMMON_SECTIONS = new WeakMap<DrbdDocument, SectionNode[]>();

/** The file's `common` sections (looked up once per document: files may hold hundreds of resources). */
function commonSections(doc: DrbdDocument): SectionNode[] {
  let found = COMMON_SECTIONS.get(doc);
  if (!found) {
    found = sectionsOf(doc.root, 'common');
    COMMON_SECTIONS.set(doc, found);
  }
  return found;
}

/** A value a host gets for a volume key (`device`, `disk`, `meta-disk`), itself or inherited from the resource. */
export function hostOrResourceOption(host: SectionNode, resource: SectionNode, names: readonly string[]): OptionNode | undefined {
  for (const scope of [host, resource]) {
    for (const name of names) {
      const found = optionIn(scope, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** True when a flag/boolean option is on (`flag;`, `flag yes;`). */
export function isOn(option: OptionNode | undefined): boolean {
  if (!option) return false;
  const value = option.args[0]?.value;
  return value === undefined || value === 'yes';
}
