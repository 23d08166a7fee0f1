/**
 * Dual-primary and fencing: what a resource (or `common`) turns on and how it
 * is fenced, and the warning when it is not. The warning for `common` is the
 * file's own; the one for a resource is a cross-file rule, because a `common`
 * section of another file (global_common.conf) may fence it.
 */
import type { Token } from './lexer';
import { isOn, resourceSetting } from './model';
import type { DrbdDocument, SectionNode } from './parse';
import type { Dialect } from './schema';

/** Where the fencing policy lives: `disk` in 8.x, `net` in 9 (drbdadm 9 still takes it in `disk`). */
export function fencingSections(dialect: Dialect): string[] {
  return dialect === '9' ? ['net', 'disk'] : ['disk'];
}

export interface DualPrimary {
  /** `allow-two-primaries` (when on) and `become-primary-on both`. */
  allowTwoPrimaries?: Token;
  becomeBoth?: Token;
  fencingOk: boolean;
  fencePeer: boolean;
}

/** The dual-primary settings of a resource or `common` section, as this file resolves them (its own sections, then the file's `common`). */
export function dualPrimaryOf(doc: DrbdDocument, scope: SectionNode, dialect: Dialect): DualPrimary {
  const allow = resourceSetting(doc, scope, ['net'], 'allow-two-primaries');
  const become = resourceSetting(doc, scope, ['startup'], 'become-primary-on');
  const fencing = resourceSetting(doc, scope, fencingSections(dialect), 'fencing');
  return {
    allowTwoPrimaries: allow && isOn(allow) ? allow.keyword : undefined,
    becomeBoth: become?.args.find((a) => a.value === 'both'),
    fencingOk: fencing?.args[0]?.value === 'resource-and-stonith',
    fencePeer: resourceSetting(doc, scope, ['handlers'], 'fence-peer') !== undefined,
  };
}

/**
 * The token that makes `scope` dual-primary when it is written inside it
 * (not inherited from `common`): a resource that inherits dual-primary from
 * `common` is warned about there, once.
 */
export function dualPrimaryAnchor(scope: SectionNode, dual: DualPrimary): Token | undefined {
  const anchor = dual.allowTwoPrimaries ?? dual.becomeBoth;
  return anchor && scope.open !== undefined && anchor.start > scope.open.start && anchor.start < scope.end ? anchor : undefined;
}

/** The warning's text: what can happen, and what is missing. */
export function withoutFencingMessage(label: string, fencingOk: boolean, fencePeer: boolean, fencingSection: string): string {
  const missing = [
    ...(fencingOk ? [] : [`'fencing resource-and-stonith;' in the '${fencingSection}' section`]),
    ...(fencePeer ? [] : ["a 'fence-peer' handler (e.g. \"/usr/lib/drbd/rhcs_fence\" under cman, \"/usr/lib/drbd/crm-fence-peer.sh\" under Pacemaker)"]),
  ];
  return `${label} is dual-primary without fencing: if the replication link fails, both nodes stay primary and keep writing, the data splits brain and one side's writes are lost. Add ${missing.join(' and ')}.`;
}
