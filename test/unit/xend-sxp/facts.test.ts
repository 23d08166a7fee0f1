import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { xend, XM_HOST } from './helpers';

describe('xend-sxp facts', () => {
  const factsOf = (text: string) => xendSxpService.facts(xend.parse(text, XM_HOST), xend.context(XM_HOST));

  it("gives the dom0 interfaces the network script sets up by name: netdev= and bridge=, exactly where they are written", () => {
    const facts = factsOf("(xend-port 8000)\n(network-script 'network-bridge netdev=eth1 bridge=xenbr1 vifnum=0')\n");
    assert.deepEqual(facts.dom0Interfaces?.map((f) => `${f.value}@${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1}`), ['eth1@2:40-44', 'xenbr1@2:52-58']);
  });

  it('gives none for a script without those arguments, for a value with escapes (its offsets would be wrong), or for no script', () => {
    assert.deepEqual(factsOf("(network-script network-bridge)\n"), {});
    assert.deepEqual(factsOf("(network-script 'network-bridge netdev=e\\\\th0')\n"), {});
    assert.deepEqual(factsOf('(xend-port 8000)\n'), {});
  });
});
