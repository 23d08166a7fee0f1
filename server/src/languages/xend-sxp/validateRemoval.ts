/**
 * xend was removed in Xen 4.5. When the target release has no xend (and the
 * user does not say they still run it, toolstack `xm`), say so once and name
 * what replaces the settings this file makes.
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { compareVersions } from '../../common/version';
import type { FileContext } from '../types';
import { Code } from './codes';
import type { XendDocument } from './parse';
import { optionSpec, XEND_REMOVED_IN } from './schema';

function targetHasNoXend(ctx: FileContext): boolean {
  return ctx.settings.xen.toolstack !== 'xm' && compareVersions(ctx.settings.xen.version, XEND_REMOVED_IN) >= 0;
}

export function validateRemoval(doc: XendDocument, ctx: FileContext, r: Reporter): void {
  if (!targetHasNoXend(ctx) || doc.options.length === 0) return;
  // One clause per replacement, naming the options of this file it covers.
  const byReplacement = new Map<string, string[]>();
  const gone: string[] = [];
  for (const option of unique(doc.options.map((o) => o.name))) {
    const spec = optionSpec(option);
    if (spec?.xlReplacement) byReplacement.set(spec.xlReplacement, [...(byReplacement.get(spec.xlReplacement) ?? []), option]);
    else if (spec?.xlGone) gone.push(option);
  }
  const replacements = [...byReplacement].map(([replacement, names]) => `${names.join(', ')} → ${replacement}`);
  const message = [
    `Xen ${ctx.settings.xen.version} has no xend (removed in ${XEND_REMOVED_IN}): nothing reads this file.`,
    replacements.length > 0 ? `With xl: ${replacements.join('; ')}.` : 'xl reads /etc/xen/xl.conf instead.',
    gone.length > 0 ? `No xl counterpart (no daemon; \`xl migrate\` uses SSH): ${gone.join(', ')}.` : '',
    "If your hosts still run xend, set the toolstack to 'xm' (xenConfig.xen.toolstack, or --toolstack xm).",
  ].filter(Boolean);
  const first = doc.options[0].nameAtom;
  r.report(first.start, first.end, Severity.Information, Code.xendRemoved, message.join(' '));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
