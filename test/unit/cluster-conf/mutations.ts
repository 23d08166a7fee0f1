/**
 * Deterministic mutations of a cluster.conf, the mistakes people make by hand:
 * a wrong value, a misspelt or missing attribute or element, an element twice
 * or out of place.
 */

/** A small seeded generator (mulberry32), so every run tests the same files. */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return (((x ^ (x >>> 14)) >>> 0) % n);
  };
}

const VALUES = ['', 'x', '0', '-1', '1', '2', 'two', 'a b', 'udpu', 'fence_apc', 'reboot', 'fence_an01', 'an-node01.alteeve.com'];
const ATTRIBUTES = ['nodeid', 'votes', 'port', 'action', 'ref', 'two_node', 'expected_votes', 'transport', 'agent', 'address', 'lanplus', 'domain', 'plug'];

export function mutations(text: string, count: number, seed: number): string[] {
  const pick = seeded(seed);
  const attributes = [...text.matchAll(/\s([A-Za-z_]+)="([^"]*)"/g)];
  const selfClosing = [...text.matchAll(/^[ \t]*<([A-Za-z_-]+)[^>\n]*\/>\n/gm)];
  const names = [...text.matchAll(/<([A-Za-z_-]+)[\s>/]/g)];
  const openTagEnds = [...text.matchAll(/<[A-Za-z_-]+(?:\s[^<>]*?)?[^/]>/g)].map((m) => m.index! + m[0].length);
  const splice = (at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    const attr = attributes[pick(attributes.length)];
    const valueStart = attr.index! + attr[0].indexOf('"') + 1;
    switch (pick(9)) {
      case 0: // another value
        result.push(splice(valueStart, attr[2].length, VALUES[pick(VALUES.length)]));
        break;
      case 1: // a misspelt attribute: one character dropped
        result.push(splice(attr.index! + 1 + pick(attr[1].length), 1, ''));
        break;
      case 2: // an attribute removed
        result.push(splice(attr.index!, attr[0].length, ''));
        break;
      case 3: // an attribute added from elsewhere
        result.push(splice(attr.index!, 0, ` ${ATTRIBUTES[pick(ATTRIBUTES.length)]}="${VALUES[pick(VALUES.length)]}"`));
        break;
      case 4: { // a one-line element written twice
        const line = selfClosing[pick(selfClosing.length)];
        if (line) result.push(splice(line.index!, 0, line[0]));
        break;
      }
      case 5: { // a one-line element removed
        const line = selfClosing[pick(selfClosing.length)];
        if (line) result.push(splice(line.index!, line[0].length, ''));
        break;
      }
      case 6: { // a one-line element moved into another element
        const line = selfClosing[pick(selfClosing.length)];
        const target = openTagEnds[pick(openTagEnds.length)];
        if (!line || target === undefined) break;
        const without = splice(line.index!, line[0].length, '');
        const at = target > line.index! ? target - line[0].length : target;
        if (at >= 0) result.push(without.slice(0, at) + '\n' + line[0] + without.slice(at));
        break;
      }
      case 7: { // stray text inside an element
        const target = openTagEnds[pick(openTagEnds.length)];
        if (target !== undefined) result.push(splice(target, 0, ' x '));
        break;
      }
      default: { // an element name misspelt, start and end tags alike
        const name = names[pick(names.length)][1];
        const wrong = name.slice(0, -1);
        result.push(text.replace(new RegExp(`(</?)${name}(?=[\\s>/])`, 'g'), `$1${wrong}`));
      }
    }
  }
  return result;
}
