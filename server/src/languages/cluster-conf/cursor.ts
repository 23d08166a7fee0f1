/** What the cursor is on: an element name, an attribute name or value, or element content. */
import type { ClusterDoc, XmlAttribute, XmlElement } from './parse';

export type CursorContext =
  /** On (or typing) an element name in a start or end tag. */
  | { kind: 'elementName'; element: XmlElement; parent?: XmlElement; start: number; end: number; endTag: boolean }
  /** Inside a start tag, on an attribute name or where a new one can go. */
  | { kind: 'attributeName'; element: XmlElement; attribute?: XmlAttribute; start: number; end: number }
  | { kind: 'attributeValue'; element: XmlElement; attribute: XmlAttribute }
  /** Between tags: where a child element can start. */
  | { kind: 'content'; parent?: XmlElement };

export function cursorContext(doc: ClusterDoc, offset: number): CursorContext {
  let content: XmlElement | undefined;
  for (const element of doc.elements) {
    if (element.start < offset && offset <= element.startTagEnd) return inStartTag(element, offset);
    if (element.endNameStart !== undefined && offset >= element.endNameStart && offset <= element.endNameStart + element.name.length) {
      return { kind: 'elementName', element, parent: element.parent, start: element.endNameStart, end: element.endNameStart + element.name.length, endTag: true };
    }
    // Elements come in document order, so the last one whose content holds the offset is the innermost.
    if (!element.selfClosing && element.startTagEnd <= offset && offset <= element.contentEnd) content = element;
  }
  return { kind: 'content', parent: content };
}

function inStartTag(element: XmlElement, offset: number): CursorContext {
  if (offset <= element.nameEnd) {
    return { kind: 'elementName', element, parent: element.parent, start: element.nameStart, end: element.nameEnd, endTag: false };
  }
  for (const attribute of element.attributes) {
    if (attribute.quoted && attribute.valueStart <= offset && offset <= attribute.valueEnd) return { kind: 'attributeValue', element, attribute };
    if (attribute.nameStart <= offset && offset <= attribute.nameEnd) return { kind: 'attributeName', element, attribute, start: attribute.nameStart, end: attribute.nameEnd };
  }
  return { kind: 'attributeName', element, start: offset, end: offset };
}
