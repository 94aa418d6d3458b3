import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatSubjectLine, parseSubjectLine } from '../../../src/client/generate/subjectLine';

describe('subject line', () => {
  it('parses the five fields by short or long label, case-insensitively', () => {
    assert.deepEqual(parseSubjectLine('C=DE, st=Bavaria, L=Munich,O=Acme ,organizationalUnit=Platform'), {
      subject: { country: 'DE', state: 'Bavaria', locality: 'Munich', organization: 'Acme', organizationalUnit: 'Platform' },
      errors: [],
    });
  });
  it('treats an empty line as no fields and skips empty values', () => {
    assert.deepEqual(parseSubjectLine('  '), { subject: {}, errors: [] });
    assert.deepEqual(parseSubjectLine('O=, OU=Ops,'), { subject: { organizationalUnit: 'Ops' }, errors: [] });
  });
  it('keeps escaped commas and backslashes in values', () => {
    const subject = { organization: 'Acme, Inc.', organizationalUnit: 'a\\b' };
    assert.equal(formatSubjectLine(subject), 'O=Acme\\, Inc., OU=a\\\\b');
    assert.deepEqual(parseSubjectLine(formatSubjectLine(subject)).subject, subject);
  });
  it('reports malformed parts, unknown and repeated fields, and CN', () => {
    assert.deepEqual(parseSubjectLine('Acme').errors, ['"Acme" is not FIELD=value (for example O=Acme)']);
    assert.deepEqual(parseSubjectLine('E=a@b').errors, ['Unknown field "E": use C, ST, L, O or OU']);
    assert.deepEqual(parseSubjectLine('O=a, o=b').errors, ['O is given twice']);
    assert.match(parseSubjectLine('CN=x').errors[0] ?? '', /CN is not set here/);
  });
  it('formats in C, ST, L, O, OU order and leaves out empty fields', () => {
    assert.equal(formatSubjectLine({ organizationalUnit: 'Ops', country: 'US', state: '' }), 'C=US, OU=Ops');
    assert.equal(formatSubjectLine({}), '');
  });
});
