import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definition } from '../../../server/src/languages/drbd/navigation';
import { TestOptions, withCursor } from '../../helpers/languageTester';
import { drbd, HOSTS } from './helpers';

/** The definitions of what is under the cursor `|`. */
function definitionsAt(textWithCursor: string, options?: TestOptions) {
  const { text, offset } = withCursor(textWithCursor);
  const doc = drbd.parse(text, options);
  return definition(doc, doc.lines.positionAt(offset), drbd.context(options));
}

describe('drbd definition', () => {
  it('goes from an include to the files it names and from a resource reference to the resource', () => {
    const files = { listFiles: (dir: string) => (dir === '/etc/drbd.d' ? ['r0.res', 'r1.res', 'notes.txt'] : []), exists: () => false };
    assert.deepEqual(
      definitionsAt('include "drb|d.d/*.res";\n', { path: '/etc/drbd.conf', files }).map((l) => l.uri),
      ['file:///etc/drbd.d/r0.res', 'file:///etc/drbd.d/r1.res'],
    );
    const locations = definitionsAt(`resource lower {\n${HOSTS}\n}\nresource upper {\n  disk { resync-after l|ower; }\n}\n`, { files });
    assert.deepEqual(locations, [{ uri: drbd.context().uri, range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } } }]);
  });
});
