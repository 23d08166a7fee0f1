import type { CrossFileRule } from '../types';

/** xend-config.sxp describes the host alone: nothing in another file contradicts it. */
export const crossFileRules: readonly CrossFileRule[] = [];
