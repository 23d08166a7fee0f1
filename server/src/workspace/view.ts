import type { FileFacts } from './facts';

/** Read-only view of the workspace's files and their facts, handed to language services. */
export interface WorkspaceView {
  /** Facts of every indexed file except the one being served. */
  otherFiles(excludeUri: string): Iterable<{ uri: string; facts: FileFacts }>;
  /** The workspace root (a path), so that hovers name another file by a short relative path; absent without a folder. */
  readonly root?: string;
}

export const EMPTY_WORKSPACE: WorkspaceView = {
  otherFiles: () => [],
};
