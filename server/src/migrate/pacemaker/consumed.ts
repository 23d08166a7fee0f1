/**
 * What the conversion has read. Every element and attribute of the input is either used, or named in a
 * note: after the conversion, whatever is left unread becomes a manual note with its line.
 */
import type { LineIndex } from '../../../../shared/src/lineIndex';
import type { MigrationNote } from '../types';
import type { XmlElement } from '../../languages/cluster-conf/parse';

export class Consumed {
  private readonly elements = new Set<XmlElement>();
  private readonly attributes = new Map<XmlElement, Set<string>>();
  readonly notes: MigrationNote[] = [];

  constructor(private readonly lines: LineIndex) {}

  lineOf(element: XmlElement): number {
    return this.lines.positionAt(element.start).line + 1;
  }

  /** Marks `element` as read, with the attributes named (all of them when none is named). */
  use(element: XmlElement, ...attributes: string[]): void {
    this.elements.add(element);
    const set = this.attributes.get(element) ?? new Set<string>();
    for (const name of attributes.length > 0 ? attributes : element.attributes.map((a) => a.name)) set.add(name);
    this.attributes.set(element, set);
  }

  /** Marks an element read together with everything below it (a note already told the user about it). */
  useTree(element: XmlElement): void {
    this.use(element);
    for (const child of element.children) this.useTree(child);
  }

  private readonly said = new Set<string>();

  /** Adds a note, once: a shared resource that two services use is read twice but reported once. */
  note(element: XmlElement, kind: MigrationNote['kind'], message: string): void {
    const line = this.lineOf(element);
    const key = `${line}\0${kind}\0${message}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.notes.push({ line, kind, message });
  }

  /** Manual notes for every element and attribute of `elements` nothing has read. */
  leftovers(elements: readonly XmlElement[]): void {
    for (const element of elements) {
      if (!this.elements.has(element)) {
        this.note(element, 'manual', `<${element.name}> is not converted: Pacemaker has no counterpart this converter knows; configure it by hand.`);
        continue;
      }
      const read = this.attributes.get(element)!;
      const unread = element.attributes.filter((a) => !read.has(a.name));
      if (unread.length > 0) this.note(element, 'manual', `<${element.name}> ${unread.map((a) => `${a.name}="${a.value}"`).join(' ')}: not converted; set the Pacemaker equivalent by hand if it matters.`);
    }
  }
}
