/** Collects diagnostics with one-token ranges: an element's name, an attribute's name or value. */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnostic } from '../../common/diagnostics';
import { ClusterDoc, SOURCE, XmlAttribute, XmlElement } from './parse';
import { withSuggestions } from './suggestions';

export class Reporter {
  readonly found: Diagnostic[] = [];

  constructor(private readonly doc: ClusterDoc) {}

  /** Reports on [start, end), clipped to the first line; `suggestions` feed the did-you-mean quick fix. */
  at(start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, suggestions: string[] = []): Diagnostic {
    const line = this.doc.lines.positionAt(start).line;
    const clipped = Math.min(end, this.doc.lines.lineEnd(line));
    const found = withSuggestions(diagnostic(this.doc.lines.range(start, clipped), severity, code, message, SOURCE), suggestions);
    this.found.push(found);
    return found;
  }

  atName(element: XmlElement, severity: DiagnosticSeverity, code: string, message: string, suggestions: string[] = []): Diagnostic {
    return this.at(element.nameStart, element.nameEnd, severity, code, message, suggestions);
  }

  atAttributeName(attr: XmlAttribute, severity: DiagnosticSeverity, code: string, message: string, suggestions: string[] = []): Diagnostic {
    return this.at(attr.nameStart, attr.nameEnd, severity, code, message, suggestions);
  }

  /** On the value between the quotes; on the attribute's name when the value is empty. */
  atValue(attr: XmlAttribute, severity: DiagnosticSeverity, code: string, message: string, suggestions: string[] = []): Diagnostic {
    return attr.valueStart === attr.valueEnd
      ? this.atAttributeName(attr, severity, code, message, suggestions)
      : this.at(attr.valueStart, attr.valueEnd, severity, code, message, suggestions);
  }

  /** 1-based line of an offset, for messages that point at another place. */
  lineOf(offset: number): number {
    return this.doc.lines.positionAt(offset).line + 1;
  }
}
