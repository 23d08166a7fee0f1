import { xendSxpLanguage } from '../../../server/src/languages/xend-sxp';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { languageTester, TestOptions } from '../../helpers/languageTester';

/** The xend-sxp service as a test talks to it, on /etc/xen/xend-config.sxp. */
export const xend = languageTester(xendSxpLanguage, '/etc/xen/xend-config.sxp');

/**
 * A host that still runs xend (Xen 4.1, toolstack xm, unless told otherwise),
 * so the "xend removed" note stays out of the way; `others` are the facts of
 * the workspace's other files.
 */
export function host(options: { version?: string; toolstack?: 'xl' | 'xm'; others?: FileFacts[] } = {}): TestOptions {
  return {
    settings: { xen: { version: options.version ?? '4.1', toolstack: options.toolstack ?? 'xm' } },
    others: (options.others ?? []).map((facts, i) => ({ uri: `file:///ws/other${i}`, facts })),
  };
}

export const XM_HOST = host();
