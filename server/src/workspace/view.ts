import type { FileFacts } from './facts';

/** Read-only view of the workspace's files and their facts, handed to language services. */
export interface WorkspaceView {
  /** Facts of every indexed file except the one being served. */
  otherFiles(excludeUri: string): Iterable<{ uri: string; facts: FileFacts }>;
}

export const EMPTY_WORKSPACE: WorkspaceView = {
  otherFiles: () => [],
};
