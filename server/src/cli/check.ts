import { statSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LANGUAGE_IDS, languageForPath } from '../languages/registry';
import { DEFAULT_SETTINGS, LanguageId, Settings } from '../languages/types';
import { checkFiles, CheckFilesOptions, CheckResult, SourceFile } from './checker';
import { formatJson, formatSarif, formatText, OutputFormat } from './formats';
import { fsReason, nonRegularKind, readConfigFileSync, UnreadableFile } from '../workspace/disk';
import { errorText, failedStep } from '../workspace/runner';
import { walkFolder } from '../workspace/walk';

export const CHECK_USAGE = `usage: cli.js check [--format text|json|sarif] [--language ID] [--xen-version X.Y]
                    [--toolstack xl|xm] [--drbd-dialect auto|8.3|8.4|9]
                    [--drbd-utils VERSION] [--max-file-size BYTES] PATH...

Checks Xen domain configs, xend-config.sxp, iftab, DRBD and cluster.conf files.
Folders are walked and files picked by the same patterns as the editor extension;
a file named explicitly is always checked (language from its name, or --language).
A file larger than --max-file-size (default 4194304, 0 for no limit) gets syntax
checks only. In a folder, a subfolder that cannot be listed or a config-named link
that leads nowhere is reported as a warning and skipped.
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input (a path
that is missing, not a regular file or folder, or cannot be read, or a file the
checker failed on); the other files are still checked and reported.
Languages: ${LANGUAGE_IDS.join(', ')}`;

export class UsageError extends Error {}

interface CheckOptions {
  format: OutputFormat;
  language?: LanguageId;
  settings: Settings;
  paths: string[];
}

export function parseCheckArguments(args: string[]): CheckOptions {
  const options: CheckOptions = { format: 'text', settings: structuredClone(DEFAULT_SETTINGS), paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format '${format}': use text, json or sarif`);
      options.format = format;
    } else if (arg === '--language') {
      const language = value();
      if (!(LANGUAGE_IDS as readonly string[]).includes(language)) throw new UsageError(`unknown language '${language}': use one of ${LANGUAGE_IDS.join(', ')}`);
      options.language = language as LanguageId;
    } else if (arg === '--xen-version') {
      const version = value();
      if (!/^\d+(\.\d+)*$/.test(version)) throw new UsageError(`--xen-version wants a version such as 4.19, not '${version}'`);
      options.settings.xen.version = version;
    } else if (arg === '--toolstack') {
      const toolstack = value();
      if (toolstack !== 'xl' && toolstack !== 'xm') throw new UsageError(`--toolstack is xl or xm, not '${toolstack}'`);
      options.settings.xen.toolstack = toolstack;
    } else if (arg === '--drbd-dialect') {
      const dialect = value();
      if (dialect !== 'auto' && dialect !== '8.3' && dialect !== '8.4' && dialect !== '9') throw new UsageError(`--drbd-dialect is auto, 8.3, 8.4 or 9, not '${dialect}'`);
      options.settings.drbd.dialect = dialect;
    } else if (arg === '--drbd-utils') {
      const version = value();
      if (!/^\d+(\.\d+)*$/.test(version)) throw new UsageError(`--drbd-utils wants a drbd-utils release such as 9.22, not '${version}'`);
      options.settings.drbd.utilsVersion = version;
    } else if (arg === '--max-file-size') {
      const bytes = value();
      if (!/^\d+$/.test(bytes) || !Number.isSafeInteger(Number(bytes))) throw new UsageError(`--max-file-size wants a number of bytes (0 for no limit), not '${bytes}'`);
      options.settings.diagnostics = { maxFileSize: Number(bytes) };
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no files or folders to check');
  return options;
}

/**
 * Runs `check`; returns the exit status and what to print. Input that cannot
 * be checked (a missing path, a FIFO, an unreadable file, a file a language
 * service threw on) is one `error:` line on stderr naming it and exit 2, and
 * the other files are still checked and printed; an entry of a walked folder
 * that cannot be looked into is one `warning:` line and is skipped.
 */
export async function runCheck(
  args: string[],
  toolVersion: string,
  checkOptions: CheckFilesOptions = {},
  /** A further check of the results (the host check of `--host`); its errors are `error:` lines. */
  afterCheck?: (results: CheckResult[]) => Promise<{ results: CheckResult[]; errors: string[] }>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const options = parseCheckArguments(args);
  const files: SourceFile[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const path of options.paths) {
    let stat;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      errors.push(`${path}: cannot read: ${fsReason(error)}`);
      continue;
    }
    if (!stat) {
      errors.push(`${path}: no such file or folder`);
      continue;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      errors.push(`${path}: ${nonRegularKind(stat)}, not a regular file: not checked`);
      continue;
    }
    const targets = stat.isDirectory()
      ? walkFolder(path, {
          onProblem: (problem) => (problem.path === path ? errors : warnings).push(`${problem.path}: ${problem.reason}${problem.path === path ? '' : ': skipped'}`),
        }).map((f) => ({ path: f.path, languageId: options.language ?? f.languageId }))
      : [{ path, languageId: options.language ?? languageForPath(path) }];
    for (const target of targets) {
      if (!target.languageId) {
        errors.push(`${path}: cannot tell the language from the file name; pass --language (${LANGUAGE_IDS.join(', ')})`);
        continue;
      }
      try {
        files.push({ path: target.path, languageId: target.languageId, text: readConfigFileSync(target.path) });
      } catch (error) {
        if (!(error instanceof UnreadableFile)) throw error;
        errors.push(`${target.path}: cannot read: ${error.reason}`);
      }
    }
  }

  let results = checkFiles(files, options.settings, process.cwd(), checkOptions);
  if (afterCheck) {
    const after = await afterCheck(results);
    results = after.results;
    errors.push(...after.errors);
  }
  for (const result of results) {
    for (const failure of result.failures ?? []) errors.push(`${result.file}: ${failedStep(failure)} threw ${errorText(failure.error)} (an internal error: the file is not fully checked)`);
  }
  const stdout =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, toolVersion, process.cwd())
        : formatText(results);
  const hasErrors = results.some((r) => r.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error));
  const summary =
    options.format === 'text' && (results.length > 0 || errors.length === 0)
      ? `checked ${results.length} file${results.length === 1 ? '' : 's'}${notFully(results)}: ${countBySeverity(results)}\n`
      : '';
  const lines = [...warnings.map((w) => `warning: ${w}\n`), ...errors.map((e) => `error: ${e}\n`)].join('');
  return { status: errors.length > 0 ? 2 : hasErrors ? 1 : 0, stdout, stderr: lines + summary };
}

function notFully(results: CheckResult[]): string {
  const failed = results.filter((r) => r.failures).length;
  return failed > 0 ? ` (${failed} not fully)` : '';
}

function countBySeverity(results: { diagnostics: { severity?: DiagnosticSeverity }[] }[]): string {
  const counts = [0, 0, 0, 0];
  for (const r of results) for (const d of r.diagnostics) counts[(d.severity ?? 1) - 1]++;
  return `${counts[0]} errors, ${counts[1]} warnings, ${counts[2]} infos, ${counts[3]} hints`;
}
