/**
 * The codes of the checker itself, which belong to no language: a file of any
 * language may show them, and each says that the file was checked less than in
 * full, not that something is wrong with it (docs/workspace.md#codes shows this
 * table). Codes are a stable interface: never rename one.
 */
import { defineCodes } from './codes';

export const { Code: CheckerCode, codes: CHECKER_CODES } = defineCodes({
  tooManyProblems: {
    code: 'limits/too-many-problems',
    severity: 'info',
    why: 'Not a problem of the file: it says that the file has more problems than are listed, and from where on they are left out.',
  },
  fileTooLarge: {
    code: 'workspace/file-too-large',
    severity: 'info',
    why: 'No tool refuses a large file; only this extension checks less of it (syntax only, no cross-file facts), and says so once.',
  },
  checkFailed: {
    code: 'workspace/check-failed',
    severity: 'info',
    why: 'Nothing is known to be wrong with the file: the checker itself failed on it (a bug, logged), so its problems may not all be shown, and a clean file would be a false promise.',
  },
});
