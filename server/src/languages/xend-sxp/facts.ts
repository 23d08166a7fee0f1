import type { FileFacts } from '../../workspace/facts';

/**
 * None: xend-config.sxp describes the host's xend alone (its listeners, its
 * relocation peers as patterns, dom0's resources), nothing another file
 * names or must agree with. Its quick fixes read the workspace's cluster
 * nodes and DRBD addresses instead (validateSecurity.ts).
 */
export function facts(): FileFacts {
  return {};
}
