/**
 * A name a file writes (a key, an option, a section, an element, an attribute, a selector, a
 * value) is looked up in the schema's tables; one that is a property of Object.prototype
 * (`constructor`, `toString`, `__proto__`, …) must be an unknown word like any other
 * (common/nameTable.ts). DRBD's `constructor { x { } }` once made facts and validate throw, so the
 * file went unchecked.
 *
 * On a file with every such name in every name position of its language (hostileInputs.ts), no
 * entry point throws: the ones exerciseAll runs, every editing feature at every place the name is
 * written, and every migration from the language. And in a few positions per language, the file
 * shows what it shows with an ordinary unknown word of the same length and case there (`qqqqQqqq`
 * for `toString`), the word swapped back: the same diagnostics (ranges, codes, severities,
 * messages) and the same outline (a cluster.conf `&constructor;` once read as JavaScript source).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, Position } from 'vscode-languageserver-types';
import { uriOfPath } from '../../server/src/common/uri';
import { migrationsFrom } from '../../server/src/migrate';
import { LANGUAGE_IDS, serviceFor } from '../../server/src/languages/registry';
import { DEFAULT_SETTINGS, type LanguageId } from '../../server/src/languages/types';
import { describeFailure, RunnerFailure, WorkspaceRunner } from '../../server/src/workspace/runner';
import { EMPTY_WORKSPACE } from '../../server/src/workspace/view';
import { SAMPLE_PATHS, testContext } from '../helpers/fixtures';
import { exerciseAll, PROTOTYPE_NAMES, prototypeNamesEverywhere } from './hostileInputs';

/** An ordinary unknown word with the shape of `name`: its letters as q or Q, the rest kept (`__qqqqq__`). */
const ordinaryWord = (name: string) => name.replace(/[a-z]/g, 'q').replace(/[A-Z]/g, 'Q');

/**
 * What the file shows: its diagnostics as the runner says them (own diagnostics, cross-file rules,
 * rule control; a service that throws fails the test), and its outline.
 */
function shown(language: LanguageId, text: string): { diagnostics: Diagnostic[]; outline: DocumentSymbol[] } {
  const failures: RunnerFailure[] = [];
  const runner = new WorkspaceRunner({ settings: structuredClone(DEFAULT_SETTINGS), onFailure: (failure) => failures.push(failure) });
  const uri = uriOfPath(SAMPLE_PATHS[language]);
  runner.setDisk(uri, language, text);
  const diagnostics = runner.diagnose(uri) ?? [];
  assert.deepEqual(failures.map(describeFailure), [], `${language}: ${JSON.stringify(text)}`);
  const service = serviceFor(language)!;
  const ctx = testContext(SAMPLE_PATHS[language]);
  return { diagnostics, outline: service.symbols(service.parse(text, ctx), ctx) };
}

/** Every place `name` is written in `text`: where it starts, inside it, and where it ends. */
function positionsOf(text: string, name: string, positionAt: (offset: number) => Position): Position[] {
  const positions: Position[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    for (const offset of [at, at + Math.floor(name.length / 2), at + name.length]) positions.push(positionAt(offset));
  }
  return positions;
}

/**
 * Representative positions per language, each a whole small file with `NAME` where the name goes.
 * `names` narrows the names where the language reads fewer words as one name.
 */
const POSITIONS: Record<LanguageId, { text: string; names?: (name: string) => boolean }[]> = {
  'xl-config': [
    // Keys are lower case: the other names are read as a key and a word (`to` and `String`), like any word of their shape.
    { text: 'NAME = 1\n', names: (name) => /^[a-z][a-z0-9_.]*$/.test(name) },
    { text: 'name = "a"\ntype = "NAME"\n' },
    { text: 'name = "a"\nvif = [ "mac=00:16:3e:00:00:01,NAME=1" ]\n' },
    { text: 'name = "a"\nchannel = [ "connection=pty,NAME=1" ]\n' },
  ],
  'xend-sxp': [{ text: '(NAME 1)\n' }, { text: '(xend-http-server NAME)\n' }, { text: '(loglevel NAME)\n' }],
  iftab: [{ text: 'eth0 NAME 1\n' }, { text: 'NAME mac 00:16:3e:00:00:01\n' }, { text: 'eth0 arp NAME\n' }],
  drbd: [
    { text: 'NAME { x { } }\n' },
    { text: 'resource r { NAME 1; }\n' },
    { text: 'resource r { net { NAME { } } }\n' },
    { text: 'resource r { net { protocol NAME; } }\n' },
  ],
  'cluster-conf': [
    { text: '<cluster name="c" config_version="1"><NAME/></cluster>\n' },
    { text: '<cluster name="c" config_version="1" NAME="1"/>\n' },
    { text: '<cluster name="c" config_version="1"><cman two_node="NAME"/></cluster>\n' },
    { text: '<cluster name="c" config_version="1"><rm><resources><NAME name="x"/></resources></rm></cluster>\n' },
    { text: '<cluster name="c" config_version="1"><fencedevices><fencedevice name="f" agent="NAME"/></fencedevices></cluster>\n' },
    { text: '<cluster name="NAME&NAME;" config_version="1"/>\n' },
  ],
};

for (const language of LANGUAGE_IDS) {
  describe(`${language}: Object.prototype names are unknown words like any other`, () => {
    const text = prototypeNamesEverywhere(language);

    it('no entry point throws on a file with every such name in every name position', () => {
      exerciseAll(language, text);
      const service = serviceFor(language)!;
      const ctx = testContext(SAMPLE_PATHS[language]);
      const doc = service.parse(text, ctx);
      const diagnostics = service.validate(doc, ctx);
      for (const name of PROTOTYPE_NAMES) {
        for (const position of positionsOf(text, name, (offset) => doc.lines.positionAt(offset))) {
          service.complete(doc, position, ctx);
          service.hover(doc, position, ctx);
          service.definition?.(doc, position, ctx);
          service.references?.(doc, position, ctx);
          service.rename?.(doc, position, 'renamed', ctx);
          service.codeActions(doc, { start: position, end: position }, diagnostics.filter((d) => d.range.start.line === position.line), ctx);
        }
      }
      for (const migration of migrationsFrom(language)) {
        for (const format of migration.formats ?? [undefined]) migration.convert(text, { path: SAMPLE_PATHS[language], workspace: EMPTY_WORKSPACE, format });
      }
    });

    for (const position of POSITIONS[language]) {
      it(`shows what an ordinary unknown word shows: ${JSON.stringify(position.text)}`, () => {
        for (const name of PROTOTYPE_NAMES.filter(position.names ?? (() => true))) {
          const word = ordinaryWord(name);
          const withName = JSON.stringify(shown(language, position.text.replaceAll('NAME', name))).replaceAll(name, word);
          assert.deepEqual(JSON.parse(withName), shown(language, position.text.replaceAll('NAME', word)), `${name} in ${JSON.stringify(position.text)}`);
        }
      });
    }
  });
}
