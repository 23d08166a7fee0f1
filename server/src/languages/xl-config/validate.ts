import type { Diagnostic } from 'vscode-languageserver-types';
import { Severity } from '../../common/diagnostics';
import { Finding, inDocumentOrder, memoizeFindings, Reporter } from '../../common/report';
import type { FileContext } from '../types';
import { lastSetting, scalarText, XlDocument } from './ast';
import { Code } from './codes';
import { asciiQuotes, deleteLine, reportOn } from './fixes';
import { guestTypeOf } from './guestType';
import { SOURCE } from './parse';
import { keyTableFor, otherToolstackKeys, XL_CONF_KEYS } from './schema';
import { validateDevices } from './validateDevices';
import { validateResources, validateXlConfResources } from './validateResources';
import { validateRelations, validateSettings } from './validateSettings';

/**
 * Every finding of a domain config or xl.conf, in document order, with its
 * quick fixes. File-local: it reads this document and nothing else (what
 * another file says is checked by crossFile.ts).
 */
export const findings = memoizeFindings((doc: XlDocument, ctx: FileContext): Finding[] => {
  const report = new Reporter(doc.lines, SOURCE);
  reportSyntaxErrors(doc, ctx, report);
  const version = ctx.settings.xen.version;
  const toolstack = ctx.settings.xen.toolstack;
  if (doc.fileKind === 'xl.conf') {
    // xl.conf is read by xl only, whatever toolstack the domain configs target.
    validateSettings(doc, { table: XL_CONF_KEYS, toolstack: 'xl', version }, report);
    validateXlConfResources(doc, report);
    return inDocumentOrder(report.findings);
  }
  const xm = toolstack === 'xm';
  const guest = guestTypeOf(doc);
  validateSettings(doc, { table: keyTableFor('domain', toolstack), otherToolstack: otherToolstackKeys(toolstack), toolstack, version, guest }, report);
  validateRelations(doc, report);
  validateDevices(doc, xm ? undefined : version, report);
  validateResources(doc, xm ? undefined : version, report);
  // A key on a broken line is lost to the parser: "no name" would then be a false alarm.
  if (doc.syntaxErrors.length === 0) validateRequired(doc, guest.type, ctx, report);
  return inDocumentOrder(report.findings);
});

export function validate(doc: XlDocument, ctx: FileContext): Diagnostic[] {
  return findings(doc, ctx).map((f) => f.diagnostic);
}

/** The parser's errors; with the xm toolstack, Python is legal (xm ran it): we just cannot check it. */
function reportSyntaxErrors(doc: XlDocument, ctx: FileContext, report: Reporter): void {
  for (const error of doc.syntaxErrors) {
    const construct = doc.pythonConstructs.get(error);
    if (construct !== undefined && ctx.settings.xen.toolstack === 'xm') {
      report.add({ ...error, severity: Severity.Information, message: `${construct}: xm runs this as Python (not checked here); xl could not read this file` });
    } else if (error.code === Code.typographicQuote) {
      const fixes = asciiQuotes(doc);
      report.add(error, (ctx) => fixes(error, ctx));
    } else report.add(error);
  }
}

function validateRequired(doc: XlDocument, type: string, ctx: FileContext, report: Reporter): void {
  // A missing key has no token of its own: point at the first setting (or the start of the file).
  const first = doc.settings[0]?.key ?? { start: 0, end: 0 };
  const start = { start: first.start, end: first.end };
  // xl reads name, kernel, bootloader and firmware as strings: a list is ignored (xl/value-type says so).
  const scalar = (name: string) => {
    const setting = lastSetting(doc, name);
    return setting && setting.value?.kind !== 'list' ? setting : undefined;
  };
  if (!scalar('name')) {
    reportOn(report, start, Severity.Error, Code.missingName, 'this domain config has no `name`: xl refuses it ("Domain name must be specified"); add `name = "…"`');
  }
  if (ctx.settings.xen.toolstack !== 'xl') return;
  const kernel = scalar('kernel');
  const kernelPath = scalarText(kernel?.value);
  if (type === 'hvm' && kernel && kernelPath?.endsWith('hvmloader')) {
    reportOn(report, kernel.key, Severity.Warning, Code.hvmloaderKernel, 'xl ignores `kernel` for HVM guests (xm needed it to load hvmloader): delete this line', deleteLine(doc));
  }
  const firmware = scalar('firmware');
  if (type !== 'hvm' && kernel && firmware) {
    reportOn(report, firmware.key, Severity.Error, Code.relation, 'a PV/PVH guest takes `kernel` or `firmware`, not both: xl refuses it ("both kernel and firmware specified"); delete one');
  }
  if (type !== 'hvm' && !kernel && !scalar('bootloader') && !firmware) {
    reportOn(report, start, Severity.Error, Code.missingKernel, `a ${type.toUpperCase()} guest needs \`kernel\` (or \`bootloader\`/\`firmware\`): xl refuses it ("Neither kernel nor bootloader specified")`);
  }
}
