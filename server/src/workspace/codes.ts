/**
 * The codes the runner itself reports, for every language alike (docs/workspace.md
 * shows them). Codes are a stable interface: never rename one.
 */
import { defineCodes } from '../common/codes';

export const { Code, codes } = defineCodes({
  fileTooLarge: {
    code: 'workspace/file-too-large',
    severity: 'info',
    why: 'No tool refuses a large file; only this extension checks less of it (syntax only, no cross-file facts), and says so once.',
  },
});
