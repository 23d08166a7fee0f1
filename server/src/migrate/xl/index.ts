/**
 * `migrate --to xl`: an xm-era domain config to xl.cfg(5). The file is read as Python would cut it
 * (pythonReader.ts), each assignment's value is evaluated when it is plain data (evaluate.ts), each
 * setting goes through its rule (rules.ts), and the result is written in the original order with every
 * comment. A line that was already valid xl and needs no change is copied byte for byte; a changed
 * literal is edited only where it changes (a disk's `w!`, a key's name). Python that a kept setting
 * needs is commented out and left to a person; Python that only fed what xl drops goes with it.
 */
import { parse } from '../../languages/xl-config/parse';
import type { Value } from '../../languages/xl-config/ast';
import { DOMAIN_KEYS, XM_KEYS } from '../../languages/xl-config/schema';
import { pythonConstruct } from '../../languages/xl-config/python';
import type { Migration, MigrationContext, MigrationNote, MigrationResult } from '../types';
import { outputName } from '../names';
import { evaluate, namesRead, NotPlainData, PyValue } from './evaluate';
import { Piece, readPython, Statement } from './pythonReader';
import { convertSetting, guestTypeOfXm, KERNEL_IP_KEYS, RuleContext, xlScalar } from './rules';
import { renderSetting, renderValue, sameValue } from './render';

/** One unit of the file: a setting (`key = value`), other Python (a block, an import, a call), or lines without code. */
type Unit =
  | { kind: 'assignment'; statement: Statement; key: string; value?: PyValue; refusal?: NotPlainData }
  | { kind: 'python'; statements: Statement[]; defines: Set<string>; reads: Set<string> }
  | { kind: 'trivia'; text: string; line: number; start: number };

const BLOCK_STARTERS = new Set(['if', 'for', 'while', 'def', 'class', 'try', 'with']);
const BLOCK_CONTINUERS = new Set(['elif', 'else', 'except', 'finally']);
/** Keys xl ignores whatever their value, so a value that needs Python does not matter. */
const IGNORED_WHATEVER_THE_VALUE = new Set(['device_model', 'nics', 'vncconsole', ...[...DOMAIN_KEYS.values()].filter((spec) => spec.deprecation?.ignored).map((spec) => spec.name)]);

const XM_VARS_MESSAGE = 'commented out: `xm_vars` declares a variable set on the xm command line (`xm create vmid=1`); xl has none, so write one config per value (or generate them)';

const isKey = (name: string) => DOMAIN_KEYS.has(name) || XM_KEYS.has(name);

export const xlMigration: Migration = {
  target: 'xl',
  from: 'xl-config',
  title: 'Convert to xl…',
  convert: convertXm,
};

export function convertXm(text: string, ctx: Pick<MigrationContext, 'path'>): MigrationResult {
  const source = text.replace(/^\uFEFF/, '');
  const units = unitsOf(readPython(source));
  const notes: MigrationNote[] = [];
  const add = (line: number, kind: MigrationNote['kind'], message: string) => notes.push({ line, kind, message });

  // 1. Evaluate the plain-data assignments in order, as Python would.
  const env = new Map<string, PyValue>();
  for (const unit of units) {
    if (unit.kind !== 'assignment') continue;
    const tokens = unit.statement.tokens;
    const operator = tokens[1].text;
    try {
      let value = evaluate(tokens.slice(2), env);
      if (operator === '+=') {
        const before = env.get(unit.key);
        if (!before) throw new NotPlainData(`\`${unit.key} +=\` before any \`${unit.key} =\``);
        value = evaluate([{ kind: 'name', text: unit.key, start: 0, end: 0 }, { kind: 'op', text: '+', start: 0, end: 0 }, ...tokens.slice(2)], env);
      }
      unit.value = value;
      env.set(unit.key, value);
    } catch (error) {
      if (!(error instanceof NotPlainData)) throw error;
      unit.refusal = error;
      env.delete(unit.key);
    }
  }

  // 2. Which Python is still needed: what a kept setting reads, and what that reads in turn.
  const refusedKept = units.filter((unit): unit is Extract<Unit, { kind: 'assignment' }> => unit.kind === 'assignment' && !!unit.refusal && isKey(unit.key) && !IGNORED_WHATEVER_THE_VALUE.has(unit.key));
  const live = new Set(refusedKept.flatMap((unit) => namesRead(unit.statement.tokens.slice(2))));
  // Python a setting may need: blocks, imports, calls, and assignments to variables that need Python.
  const pythonUnits = units.flatMap((unit): { unit: Unit; defines: Set<string>; reads: Set<string> }[] => {
    if (unit.kind === 'python') return [{ unit, defines: unit.defines, reads: unit.reads }];
    if (unit.kind === 'assignment' && unit.refusal && !isKey(unit.key)) return [{ unit, defines: new Set([unit.key]), reads: new Set(namesRead(unit.statement.tokens.slice(2))) }];
    return [];
  });
  // Python that sets a key, or defines nothing (a call run for its effect), is needed whatever reads it;
  // then whatever defines a name something needed reads (a worklist: each name is looked at once).
  const definers = new Map<string, typeof pythonUnits>();
  for (const python of pythonUnits) {
    for (const name of python.defines) {
      const list = definers.get(name);
      if (list) list.push(python);
      else definers.set(name, [python]);
    }
  }
  const needed = new Set<Unit>();
  const pending = [...live];
  const need = (python: (typeof pythonUnits)[number]) => {
    if (needed.has(python.unit)) return;
    needed.add(python.unit);
    for (const name of python.reads) {
      if (live.has(name)) continue;
      live.add(name);
      pending.push(name);
    }
  };
  for (const python of pythonUnits) if (python.defines.size === 0 || [...python.defines].some(isKey)) need(python);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) definers.get(name)?.forEach(need);

  // Names some statement reads: a plain helper variable among them is written where it is used.
  const readAnywhere = new Set(units.flatMap((unit) => (unit.kind === 'assignment' ? namesRead(unit.statement.tokens.slice(2)) : unit.kind === 'python' ? [...unit.reads] : [])));

  const values = new Map<string, PyValue>();
  for (const unit of units) if (unit.kind === 'assignment' && unit.value && isKey(unit.key)) values.set(unit.key, unit.value);
  const firstIpUnit = units.find((unit) => unit.kind === 'assignment' && unit.value && unit.key in KERNEL_IP_KEYS);
  const guestType = guestTypeOfXm(values);
  const ruleContext = (unit: Unit): RuleContext => ({ guestType, values, firstKernelIpSetting: unit === firstIpUnit });

  // 3. Write the file in its order.
  const out: string[] = [];
  const linesOf = (statement: Statement) => source.slice(lineStart(source, statement.start), lineEnd(source, statement.end));
  const commentOut = (statement: Statement) => linesOf(statement).split('\n').map((line) => `# ${line}`).join('\n');
  for (const unit of units) {
    if (unit.kind === 'trivia') {
      out.push(unit.text);
      continue;
    }
    if (unit.kind === 'python') {
      const line = unit.statements[0].firstLine + 1;
      const what = pythonConstruct(source.slice(lineStart(source, unit.statements[0].start), lineEnd(source, unit.statements[0].end))) ?? 'Python';
      if (needed.has(unit)) {
        const first = unit.statements[0].tokens[0]?.text;
        add(line, 'manual', first === 'xm_vars' ? XM_VARS_MESSAGE : `commented out (${what}): xl reads no Python; write its effect as plain settings`);
        out.push(unit.statements.map(commentOut).join('\n'));
      } else {
        add(line, 'note', `removed (${what}): it only computed ${[...unit.defines].map((n) => `\`${n}\``).join(', ')}, which no setting xl reads needs`);
      }
      continue;
    }
    const line = unit.statement.firstLine + 1;
    if (unit.refusal) {
      if (IGNORED_WHATEVER_THE_VALUE.has(unit.key)) {
        add(line, 'note', `\`${unit.key}\` dropped: xl ignores it (its value needed Python: ${unit.refusal.why})`);
      } else if (!isKey(unit.key)) {
        if (needed.has(unit)) {
          add(line, 'manual', `\`${unit.key}\` needs Python (${unit.refusal.why}) and a setting uses it: commented out; write the value itself`);
          out.push(commentOut(unit.statement));
        } else add(line, 'note', `\`${unit.key}\` removed: a Python variable (${unit.refusal.why}) that no setting xl reads needs`);
      } else if (unit.refusal.invalid) {
        add(line, 'manual', `\`${unit.key}\`: ${unit.refusal.why}. Not valid Python either (xm refused it too): commented out, fix it by hand`);
        out.push(commentOut(unit.statement));
      } else {
        add(line, 'manual', `\`${unit.key}\` needs Python (${unit.refusal.why}): commented out; write its value as a plain ${describeKind(unit.key)}`);
        out.push(commentOut(unit.statement));
      }
      continue;
    }
    if (!isKey(unit.key) && readAnywhere.has(unit.key)) {
      add(line, 'note', `Python variable \`${unit.key}\` removed: its value is written where it was used`);
      continue;
    }
    const verdict = convertSetting({ key: unit.key, value: unit.value!, line }, ruleContext(unit));
    verdict.notes.forEach((n) => add(line, n.kind, n.message));
    const inserted = (verdict.insert ?? []).map((setting) => renderSetting(setting.key, setting.value));
    if (verdict.drop) {
      out.push(...inserted);
      continue;
    }
    const key = verdict.key ?? unit.key;
    const value = xlScalar(verdict.value ?? unit.value!);
    if (!value) {
      add(line, 'note', `\`${unit.key} = None\` dropped: None means unset`);
      out.push(...inserted);
      continue;
    }
    if (value.kind === 'number' && !Number.isInteger(value.value)) add(line, 'manual', `\`${key} = ${value.value}\`: xl reads whole numbers only`);
    out.push(rewrite(unit.statement, key, value, linesOf(unit.statement), (message) => add(line, 'note', message)), ...inserted);
  }

  // xl wants the last line ended (libxlu refuses a final comment without a line break).
  const converted = withOneFinalNewline(out.join('\n'));
  for (const error of parse(converted).syntaxErrors) add(1, 'manual', `the result still does not parse as xl (line ${error.range.start.line + 1}: ${error.message})`);
  notes.sort((a, b) => a.line - b.line);
  return { outputs: [{ name: outputName(ctx.path, '.cfg'), text: converted, language: 'xl-config' }], notes };
}

function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return end === 0 ? '' : `${text.slice(0, end)}\n`;
}

function describeKind(key: string): string {
  const kinds = DOMAIN_KEYS.get(key)?.kinds ?? XM_KEYS.get(key)?.kinds ?? ['string'];
  return kinds[0] === 'list' ? 'list of strings' : kinds[0] === 'number' || kinds[0] === 'boolean' ? 'number' : 'string';
}

/**
 * The setting as text: the original lines when xl reads them as they are and nothing changed; the
 * original with only the changed characters replaced when they are an xl literal; else written anew,
 * with the statement's comments after it.
 */
function rewrite(statement: Statement, key: string, value: PyValue, original: string, noteEvaluated: (message: string) => void): string {
  // Parsed as a line of its own (libxlu refuses a comment that ends the file without a line break).
  const parsed = parse(`${original}\n`);
  const setting = parsed.syntaxErrors.length === 0 && parsed.settings.length === 1 ? parsed.settings[0] : undefined;
  if (setting?.value && setting.operator === '=') {
    const edits = valueEdits(original, setting.value, value);
    if (edits) {
      if (setting.key.name !== key) edits.push({ start: setting.key.start, end: setting.key.end, text: key });
      return applyEdits(original, edits);
    }
  }
  if (!setting) noteEvaluated(`\`${statement.tokens[0].text}\` evaluated to ${renderValue(value)}`);
  const lead = original.slice(0, original.length - original.trimStart().length);
  const comments = statement.comments.length ? ` ${statement.comments.join(' ')}` : '';
  return `${lead}${renderSetting(key, value)}${comments}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Edits that turn the literal `written` into `wanted`, item by item; undefined when the shapes differ. */
function valueEdits(text: string, written: Value, wanted: PyValue): Edit[] | undefined {
  if (sameValue(written, wanted)) return [];
  if (written.kind === 'string' && wanted.kind === 'string') {
    const quote = text[written.start];
    return [{ start: written.start, end: written.end, text: renderValue(wanted, quote) }];
  }
  if (written.kind === 'list' && wanted.kind === 'list' && written.closed && written.items.length === wanted.items.length) {
    const edits: Edit[] = [];
    for (let i = 0; i < written.items.length; i++) {
      const inner = valueEdits(text, written.items[i], wanted.items[i]);
      if (!inner) return undefined;
      edits.push(...inner);
    }
    return edits;
  }
  if (written.kind !== 'list' && wanted.kind !== 'list') return [{ start: written.start, end: written.end, text: renderValue(wanted) }];
  return undefined;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number) => {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
};

/** Groups statements into settings, Python blocks and code-free lines. */
function unitsOf(pieces: Piece[]): Unit[] {
  const units: Unit[] = [];
  let block: Extract<Unit, { kind: 'python' }> | undefined;
  let pendingTrivia: Unit[] = [];
  const flush = () => {
    units.push(...pendingTrivia);
    pendingTrivia = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'trivia') {
      (block ? pendingTrivia : units).push({ kind: 'trivia', ...piece.trivia });
      continue;
    }
    const statement = piece.statement;
    const first = statement.tokens[0];
    if (block && (statement.indented || BLOCK_CONTINUERS.has(first.text))) {
      // Comments and blank lines inside a block go with it (commented out or removed together).
      for (const trivia of pendingTrivia) if (trivia.kind === 'trivia') block.statements.push(triviaStatement(trivia));
      pendingTrivia = [];
      addToBlock(block, statement);
      continue;
    }
    block = undefined;
    flush();
    const second = statement.tokens[1];
    if (!statement.indented && first.kind === 'name' && second?.kind === 'op' && (second.text === '=' || second.text === '+=') && !statement.unterminated && !BLOCK_STARTERS.has(first.text)) {
      units.push({ kind: 'assignment', statement, key: first.text });
      continue;
    }
    const python: Extract<Unit, { kind: 'python' }> = { kind: 'python', statements: [], defines: new Set(), reads: new Set() };
    addToBlock(python, statement);
    units.push(python);
    const last = statement.tokens[statement.tokens.length - 1];
    if (BLOCK_STARTERS.has(first.text) || BLOCK_CONTINUERS.has(first.text) || last.text === ':') block = python;
  }
  flush();
  return units;
}

/** A code-free line inside a block, as a statement of no tokens (so it is commented out with the block). */
function triviaStatement(trivia: Extract<Unit, { kind: 'trivia' }>): Statement {
  return { firstLine: trivia.line, lastLine: trivia.line, start: trivia.start, end: trivia.start + trivia.text.length, tokens: [], comments: [], indented: true, unterminated: false };
}

function addToBlock(block: Extract<Unit, { kind: 'python' }>, statement: Statement): void {
  block.statements.push(statement);
  const tokens = statement.tokens;
  const first = tokens[0];
  // What it defines: an assignment's target, an import's names, a def's or class's name.
  if (first?.kind === 'name' && tokens[1]?.text === '=') block.defines.add(first.text);
  if (first?.text === 'import' || first?.text === 'from') {
    const names = tokens.slice(1).filter((token, i, all) => token.kind === 'name' && all[i - 1]?.text !== '.' && token.text !== 'import' && token.text !== 'as');
    if (first.text === 'from') names.forEach((token, i) => i > 0 && block.defines.add(token.text));
    else names.forEach((token) => block.defines.add(token.text.split('.')[0]));
    if (first.text === 'from' && names.length > 0) block.defines.add(names[names.length - 1].text);
  }
  if ((first?.text === 'def' || first?.text === 'class') && tokens[1]?.kind === 'name') block.defines.add(tokens[1].text);
  namesRead(first?.kind === 'name' && tokens[1]?.text === '=' ? tokens.slice(2) : tokens).forEach((name) => block.reads.add(name));
}
