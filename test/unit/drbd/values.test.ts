/** Value readers that are scans by hand, held to the plain formulation they replaced. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validIpv4 } from '../../../server/src/languages/drbd/values';

/** What validIpv4 was before it became a scan: four dot-separated parts of one to three digits, each at most 255. */
const byParts = (host: string) => {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && parseInt(p, 10) <= 255);
};

describe('drbd values', () => {
  it('reads an IPv4 address as split and a regex per part did', () => {
    for (const host of ['10.0.0.1', '255.255.255.255', '10.0.0.300', '10.0.0', '10.0.0.1.', '.10.0.0', '1..2.3', '0001.0.0.0', '', '10.0.0.1a', '١.2.3.4']) {
      assert.equal(validIpv4(host), byParts(host), host);
    }
    const piece = fc.oneof(fc.constantFrom('.', '0', '1', '2', '5', '9', '25', '255', '256', '300', '1000', 'a', ' ', '٣'), fc.nat(999).map(String));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), (host) => validIpv4(host) === byParts(host)), { numRuns: 5000 });
  });
});
