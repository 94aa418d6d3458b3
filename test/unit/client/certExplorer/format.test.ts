import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { certificateLabel, describeValidity } from '../../../../src/client/certExplorer/format';
import { escapeMarkdown } from '../../../../src/core/markdown';

const now = new Date('2026-06-01T12:00:00Z');
const validity = (notBefore: string, notAfter: string): string => describeValidity({ notBefore, notAfter }, now);
const noSans = { dns: [], ip: [], email: [], uri: [] };

describe('certExplorer format', () => {
  it('says how long until expiry by the one days rule: ceil of the time left in days', () => {
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-07-13T12:00:00Z'), 'expires in 42 days');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-07-13T12:00:00.001Z'), 'expires in 43 days');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-06-02T12:00:00Z'), 'expires in 1 day');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-06-02T12:00:00.001Z'), 'expires in 2 days');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-06-01T12:00:00.001Z'), 'expires in 1 day');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-06-01T12:00:00Z'), 'expires today', 'notAfter itself is still valid');
  });
  it('says how long ago it expired, in whole days, never "0 days ago"', () => {
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-06-01T11:59:59.999Z'), 'expired today');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-05-31T12:00:00.001Z'), 'expired today');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-05-31T12:00:00Z'), 'expired 1 day ago');
    assert.equal(validity('2026-01-01T00:00:00Z', '2026-05-29T11:00:00Z'), 'expired 3 days ago');
  });
  it('says when a certificate that is not yet valid starts', () => {
    assert.equal(validity('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z'), 'not valid until 2027-01-01');
  });
  it('labels by CommonName, else first SAN, else file name', () => {
    assert.equal(certificateLabel({ commonName: 'server', sans: { ...noSans, dns: ['a.example'] }, file: '/w/x.pem' }), 'server');
    assert.equal(certificateLabel({ commonName: undefined, sans: { ...noSans, ip: ['10.0.0.1'] }, file: '/w/x.pem' }), '10.0.0.1');
    assert.equal(certificateLabel({ commonName: undefined, sans: noSans, file: '/w/x.pem' }), 'x.pem');
  });
  it('escapes Markdown in names', () => {
    assert.equal(escapeMarkdown('my_ca*[1].pem'), 'my\\_ca\\*\\[1\\]\\.pem');
  });
});
