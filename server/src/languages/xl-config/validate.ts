import type { Diagnostic } from 'vscode-languageserver-types';
import { Severity } from '../../common/diagnostics';
import type { ServiceContext } from '../types';
import { lastSetting, scalarText, XlDocument } from './ast';
import { Code } from './codes';
import { guestTypeOf } from './guestType';
import { Reporter } from './report';
import { keyTableFor, otherToolstackKeys, XL_CONF_KEYS } from './schema';
import { validateDevices } from './validateDevices';
import { validateRelations, validateSettings } from './validateSettings';

export function validateXlConfig(doc: XlDocument, ctx: ServiceContext): Diagnostic[] {
  const report = new Reporter(doc);
  report.diagnostics.push(...syntaxDiagnostics(doc, ctx));
  const version = ctx.settings.xen.version;
  if (doc.fileKind === 'xl.conf') {
    // xl.conf is read by xl only, whatever toolstack the domain configs target.
    validateSettings(doc, { table: XL_CONF_KEYS, toolstack: 'xl', version }, report);
    return report.diagnostics;
  }
  const xm = ctx.settings.xen.toolstack === 'xm';
  const guest = guestTypeOf(doc);
  const toolstack = ctx.settings.xen.toolstack;
  validateSettings(doc, { table: keyTableFor('domain', toolstack), otherToolstack: otherToolstackKeys(toolstack), toolstack, version, guest }, report);
  validateRelations(doc, report);
  validateDevices(doc, xm ? undefined : ctx.settings.xen.version, report);
  // A key on a broken line is lost to the parser: "no name" would then be a false alarm.
  if (doc.syntaxErrors.length === 0) validateRequired(doc, guest.type, ctx, report);
  return report.diagnostics;
}

/** With the xm toolstack, Python is legal (xm ran it); we just cannot check it. */
function syntaxDiagnostics(doc: XlDocument, ctx: ServiceContext): Diagnostic[] {
  if (ctx.settings.xen.toolstack !== 'xm') return doc.syntaxErrors;
  return doc.syntaxErrors.map((d) =>
    d.code === Code.python
      ? { ...d, severity: Severity.Information, message: `${(d.data as { pythonConstruct: string }).pythonConstruct}: xm runs this as Python (not checked here); xl could not read this file` }
      : d,
  );
}

function validateRequired(doc: XlDocument, type: string, ctx: ServiceContext, report: Reporter): void {
  // A missing key has no token of its own: point at the first setting (or the start of the file).
  const first = doc.settings[0]?.key ?? { start: 0, end: 0 };
  const start = { start: first.start, end: first.end };
  if (!lastSetting(doc, 'name')) {
    report.add(start, Severity.Error, Code.missingName, 'this domain config has no `name`: xl refuses it ("Domain name must be specified"); add `name = "…"`');
  }
  if (ctx.settings.xen.toolstack !== 'xl') return;
  const kernel = lastSetting(doc, 'kernel');
  const kernelPath = scalarText(kernel?.value);
  if (type === 'hvm' && kernel && kernelPath?.endsWith('hvmloader')) {
    report.add(kernel.key, Severity.Warning, Code.hvmloaderKernel, 'xl ignores `kernel` for HVM guests (xm needed it to load hvmloader): delete this line', { deleteLine: true });
  }
  if (type !== 'hvm' && !kernel && !lastSetting(doc, 'bootloader') && !lastSetting(doc, 'firmware')) {
    report.add(start, Severity.Error, Code.missingKernel, `a ${type.toUpperCase()} guest needs \`kernel\` (or \`bootloader\`/\`firmware\`): xl refuses it ("Neither kernel nor bootloader specified")`);
  }
}
