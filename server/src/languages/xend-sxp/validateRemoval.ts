/**
 * xend was removed in Xen 4.5. When the target release has no xend (and the user does not say they
 * still run it, toolstack `xm`), say so as hints where they apply: once on the first option (nothing
 * reads this file), and on each option that xl replaces or has no counterpart for, what becomes of it.
 * Hints, not infos: a fact about the target worth seeing in place, not a problem of the file.
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { compareVersions } from '../../common/version';
import type { FileContext } from '../types';
import { Code } from './codes';
import type { XendDocument, XendOption } from './parse';
import { optionSpec, XEND_REMOVED_IN } from './schema';

function targetHasNoXend(ctx: FileContext): boolean {
  return ctx.settings.xen.toolstack !== 'xm' && compareVersions(ctx.settings.xen.version, XEND_REMOVED_IN) >= 0;
}

export function validateRemoval(doc: XendDocument, ctx: FileContext, r: Reporter): void {
  if (!targetHasNoXend(ctx) || doc.options.length === 0) return;
  const note = (option: XendOption, message: string) => r.report(option.nameAtom.start, option.nameAtom.end, Severity.Hint, Code.xendRemoved, message);
  note(
    doc.options[0],
    `Xen ${ctx.settings.xen.version} has no xend (removed in ${XEND_REMOVED_IN}): nothing reads this file; xl reads /etc/xen/xl.conf and each domain's config. ` +
      "If your hosts still run xend, set the toolstack to 'xm' (xenConfig.xen.toolstack, or --toolstack xm).",
  );
  // The first occurrence of each option: a duplicate is reported as one already.
  const seen = new Set<string>();
  for (const option of doc.options) {
    if (seen.has(option.name)) continue;
    seen.add(option.name);
    const spec = optionSpec(option.name);
    if (spec?.xlReplacement) note(option, `${option.name} under xl: ${spec.xlReplacement}.`);
    else if (spec?.xlGone) note(option, `${option.name} under xl: nothing; ${lowerFirst(spec.xlGone)}.`);
  }
}

/** "Set the bridges up…" reads on as a clause; "`xl migrate`…" stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
