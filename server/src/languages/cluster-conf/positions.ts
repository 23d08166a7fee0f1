/**
 * Where a cluster.conf problem is shown: on one token, an element's name, an
 * attribute's name or its value. Small functions over the common Reporter.
 */
import type { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Reporter } from '../../common/report';
import type { ServiceContext } from '../types';
import type { ClusterCode } from './codes';
import type { XmlAttribute, XmlElement } from './parse';

/** Quick fixes of one finding, built when the editor asks; they get the diagnostic they repair. */
export type FixesFor = (found: Diagnostic, ctx: ServiceContext) => CodeAction[];

/** Reports on the offsets [start, end) (clipped to the first line). */
export function at(report: Reporter, start: number, end: number, severity: DiagnosticSeverity, code: ClusterCode, message: string, fixes?: FixesFor): Diagnostic {
  const found: Diagnostic = report.report(start, end, severity, code, message, fixes && ((ctx) => fixes(found, ctx)));
  return found;
}

export function atName(report: Reporter, element: XmlElement, severity: DiagnosticSeverity, code: ClusterCode, message: string, fixes?: FixesFor): Diagnostic {
  return at(report, element.nameStart, element.nameEnd, severity, code, message, fixes);
}

export function atAttributeName(report: Reporter, attr: XmlAttribute, severity: DiagnosticSeverity, code: ClusterCode, message: string, fixes?: FixesFor): Diagnostic {
  return at(report, attr.nameStart, attr.nameEnd, severity, code, message, fixes);
}

/** On the value between the quotes; on the attribute's name when the value is empty. */
export function atValue(report: Reporter, attr: XmlAttribute, severity: DiagnosticSeverity, code: ClusterCode, message: string, fixes?: FixesFor): Diagnostic {
  return attr.valueStart === attr.valueEnd
    ? atAttributeName(report, attr, severity, code, message, fixes)
    : at(report, attr.valueStart, attr.valueEnd, severity, code, message, fixes);
}
