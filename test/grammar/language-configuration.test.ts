/**
 * Language configurations: what the editor does with comments, brackets,
 * quotes, double-click word selection and indentation, checked the way VS
 * Code applies them (word pattern scanned with a global regex, the
 * indentation patterns tested on the line before/after Enter).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGE_IDS } from '../../server/src/languages/registry';
import { LanguageId } from '../../server/src/languages/types';
import { REPO_ROOT } from '../helpers/fixtures';

interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment?: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules?: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules?: { beforeText: string; afterText?: string }[];
  folding?: { markers: { start: string; end: string } };
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

function configPath(id: LanguageId): string {
  return join(REPO_ROOT, 'language-configuration', `${id}.json`);
}

function readConfig(id: LanguageId): LanguageConfiguration {
  return JSON.parse(readFileSync(configPath(id), 'utf8'));
}

/** The word VS Code selects on a double-click at `column` (0-based), as getWordAtText does. */
function wordAt(id: LanguageId, line: string, column: number): string | undefined {
  const pattern = new RegExp(readConfig(id).wordPattern, 'g');
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index <= column && column <= match.index + match[0].length) return match[0];
  }
  return undefined;
}

/** The word under the first occurrence of `inside` in `line`. */
function wordAround(id: LanguageId, line: string, inside: string): string | undefined {
  const at = line.indexOf(inside);
  assert.ok(at >= 0, `"${inside}" is not in "${line}"`);
  return wordAt(id, line, at + Math.floor(inside.length / 2));
}

describe('language configurations', () => {
  it('are registered in package.json for every language', () => {
    for (const id of LANGUAGE_IDS) {
      const language = manifest.contributes.languages.find((l: { id: string }) => l.id === id);
      assert.equal(join(REPO_ROOT, language.configuration), configPath(id));
    }
  });

  for (const id of LANGUAGE_IDS) {
    it(`${id}: brackets, auto-closing and surrounding pairs agree`, () => {
      const config = readConfig(id);
      const closeOf = new Map(config.brackets.map(([open, close]) => [open, close]));
      for (const [open, close] of config.brackets) assert.ok(open && close && open !== close, `${id}: bracket ${open}${close}`);
      for (const pair of config.autoClosingPairs) {
        // trimmed: an XML comment auto-closes as "<!-- | -->" with a space before the cursor's closing part
        if (closeOf.has(pair.open)) assert.equal(pair.close.trim(), closeOf.get(pair.open), `${id}: ${pair.open} auto-closes differently from its bracket`);
        else assert.equal(pair.open, pair.close, `${id}: ${pair.open} is neither a bracket nor a quote`);
      }
      const quotes = config.autoClosingPairs.filter((p) => p.open === p.close).map((p) => p.open);
      for (const [open, close] of config.surroundingPairs) {
        assert.ok(closeOf.get(open) === close || (open === close && quotes.includes(open)), `${id}: surrounding pair ${open}${close} is neither a bracket nor an auto-closed quote`);
      }
      for (const quote of quotes) {
        const pair = config.autoClosingPairs.find((p) => p.open === quote)!;
        assert.deepEqual(pair.notIn?.sort(), ['comment', 'string'], `${id}: a ${quote} typed inside a string or comment must not auto-close`);
      }
    });

    it(`${id}: every pattern compiles and the word pattern never matches an empty word`, () => {
      const config = readConfig(id);
      const patterns = [
        config.wordPattern,
        config.indentationRules?.increaseIndentPattern,
        config.indentationRules?.decreaseIndentPattern,
        config.folding?.markers.start,
        config.folding?.markers.end,
        ...(config.onEnterRules ?? []).flatMap((r) => [r.beforeText, r.afterText]),
      ].filter((p): p is string => p !== undefined);
      for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern), pattern);
      assert.equal(new RegExp(config.wordPattern).test(''), false, `${id}: word pattern matches the empty string`);
    });
  }

  it('comment toggling uses # everywhere but in cluster.conf, which gets XML comments', () => {
    for (const id of ['xl-config', 'xend-sxp', 'iftab', 'drbd'] as const) assert.equal(readConfig(id).comments.lineComment, '#', id);
    assert.deepEqual(readConfig('cluster-conf').comments, { blockComment: ['<!--', '-->'] });
  });

  it('selects a whole MAC address as one word', () => {
    const vif = "vif = [ 'mac=00:16:3e:00:01:01, bridge=xenbr0' ]";
    assert.equal(wordAround('xl-config', vif, '3e'), '00:16:3e:00:01:01');
    assert.equal(wordAround('xl-config', vif, 'bridge'), 'bridge');
    assert.equal(wordAround('iftab', 'eth0 mac 00:16:3e:00:01:01 arp 1', '3e'), '00:16:3e:00:01:01');
    assert.equal(wordAround('iftab', 'eth2\t\tmac 08:00:09:*', '09'), '08:00:09:*');
    assert.equal(wordAround('iftab', 'eth4 driver pcnet32 businfo 0000:02:05.0', '02'), '0000:02:05.0');
  });

  it('selects dashed option names, dotted keys and host names as one word', () => {
    assert.equal(wordAround('xend-sxp', "(xend-relocation-hosts-allow '')", 'hosts'), 'xend-relocation-hosts-allow');
    assert.equal(wordAround('drbd', '\t\tallow-two-primaries;', 'two'), 'allow-two-primaries');
    assert.equal(wordAround('drbd', '\ton an-node01.alteeve.com {', 'alteeve'), 'an-node01.alteeve.com');
    assert.equal(wordAround('drbd', '\t\taddress 192.168.2.71:7789;', '168'), '192.168.2.71');
    assert.equal(wordAround('drbd', '\t\tresync-rate 40M;', '40'), '40M');
    assert.equal(wordAround('xl-config', 'vif.default.bridge="xenbr0"', 'default'), 'vif.default.bridge');
    assert.equal(wordAround('xl-config', 'on_crash = "restart"', 'crash'), 'on_crash');
    assert.equal(wordAround('cluster-conf', '<cman two_node="1" expected_votes="1"/>', 'node'), 'two_node');
    assert.equal(wordAround('cluster-conf', '<clusternode name="an-node01.alteeve.com" nodeid="1">', 'alteeve'), 'an-node01.alteeve.com');
    assert.equal(wordAround('cluster-conf', '<fencedevice agent="fence_ipmilan"/>', 'ipmi'), 'fence_ipmilan');
  });

  it('indents after an opening brace, bracket or element and outdents on the closing one', () => {
    const rules = (id: LanguageId) => {
      const { increaseIndentPattern, decreaseIndentPattern } = readConfig(id).indentationRules!;
      return { increases: (line: string) => new RegExp(increaseIndentPattern).test(line), decreases: (line: string) => new RegExp(decreaseIndentPattern).test(line) };
    };
    const drbd = rules('drbd');
    assert.ok(drbd.increases('resource r0 {') && drbd.increases('\ton an-node01 { # first node'));
    assert.ok(!drbd.increases('\tnet { protocol C; }') && !drbd.increases('# resource <name> {'));
    assert.ok(drbd.decreases('\t}'));
    const xl = rules('xl-config');
    assert.ok(xl.increases("disk = [ 'format=raw, vdev=xvda, target=/dev/vg/a',") && !xl.increases("vif = [ '' ]"));
    assert.ok(xl.decreases('       ]'));
    const sxp = rules('xend-sxp');
    assert.ok(sxp.increases('(xen-api-server') && sxp.increases('(xen-api-server # unix and TCP listeners'));
    assert.ok(!sxp.increases('(xend-port 8000)') && sxp.decreases(')'));
    const xml = rules('cluster-conf');
    assert.ok(xml.increases('\t<clusternodes>') && xml.increases('<clusternode name="a" nodeid="1">'));
    assert.ok(xml.increases('<fencedevice name="motoko" agent="fence_na"'), 'a start tag continued on the next line');
    assert.ok(!xml.increases('<cman two_node="1" expected_votes="1"/>') && !xml.increases('<method name="1"></method>') && !xml.increases('<?xml version="1.0"?>'));
    assert.ok(xml.decreases('\t</clusternodes>') && !xml.decreases('\t<clusternodes>'));
  });

  it('folds # region / <!-- region --> markers', () => {
    assert.ok(new RegExp(readConfig('drbd').folding!.markers.start).test('# region resources'));
    assert.ok(new RegExp(readConfig('cluster-conf').folding!.markers.start).test('  <!-- #region fencing -->'));
    assert.ok(new RegExp(readConfig('cluster-conf').folding!.markers.end).test('  <!-- #endregion -->'));
  });
});
