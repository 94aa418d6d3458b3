// The one "days left" rule at its exact boundaries (whole days, and one millisecond either side), so a
// floor, round or off-by-one anywhere is caught; and a real certificate issued for N days reads N.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, daysLeft, daysLeftLabel, expiryPhrase, isExpired, isWithinWarning, lifetimeDays } from '../../../src/core/inspect/days';
import { inspectFiles } from '../../../src/core/inspect';
import { lintCertificate } from '../../../src/core/inspect/lint';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { generateCertificateSet } from '../../../src/core/pki/generate';

const notAfter = new Date('2030-01-01T00:00:00.000Z');
/** "now" such that exactly `ms` remain until notAfter. */
const remaining = (ms: number): Date => new Date(notAfter.getTime() - ms);

describe('days left', () => {
  it('is the number of started 24-hour periods left: ceil at every whole-day boundary ±1 ms', () => {
    for (const days of [1, 2, 29, 30, 31, 825, 3650]) {
      assert.equal(daysLeft(notAfter, remaining(days * DAY_MS)), days, `${days} days exactly`);
      assert.equal(daysLeft(notAfter, remaining(days * DAY_MS - 1)), days, `${days} days - 1 ms`);
      assert.equal(daysLeft(notAfter, remaining(days * DAY_MS + 1)), days + 1, `${days} days + 1 ms`);
      assert.equal(daysLeft(notAfter, remaining((days - 1) * DAY_MS + 1)), days, `${days - 1} days + 1 ms`);
    }
  });

  it('reads 1 during the last 24 hours, 0 at notAfter and in the first 24 hours after, -k after k whole days', () => {
    assert.equal(daysLeft(notAfter, remaining(1)), 1);
    assert.equal(daysLeft(notAfter, remaining(0)), 0);
    assert.ok(Object.is(daysLeft(notAfter, remaining(-1)), 0), 'never -0');
    assert.equal(daysLeft(notAfter, remaining(-DAY_MS + 1)), 0);
    assert.equal(daysLeft(notAfter, remaining(-DAY_MS)), -1);
    assert.equal(daysLeft(notAfter, remaining(-DAY_MS - 1)), -1);
    assert.equal(daysLeft(notAfter, remaining(-3 * DAY_MS - 1)), -3);
  });

  it('is expired only after notAfter (Go: notAfter itself is valid)', () => {
    assert.equal(isExpired(notAfter, remaining(0)), false);
    assert.equal(isExpired(notAfter, remaining(-1)), true);
  });

  it('warns when at most W*24 hours remain, the same boundary for every front', () => {
    assert.equal(isWithinWarning(notAfter, remaining(30 * DAY_MS), 30), true);
    assert.equal(isWithinWarning(notAfter, remaining(30 * DAY_MS + 1), 30), false);
    assert.equal(isWithinWarning(notAfter, remaining(1), 0), false, '0 warns only once expired');
    assert.equal(isWithinWarning(notAfter, remaining(-1), 0), true);
  });

  it('words it the same way everywhere', () => {
    assert.equal(expiryPhrase(notAfter, remaining(825 * DAY_MS)), 'expires in 825 days');
    assert.equal(expiryPhrase(notAfter, remaining(DAY_MS)), 'expires in 1 day');
    assert.equal(expiryPhrase(notAfter, remaining(-1)), 'expired today');
    assert.equal(expiryPhrase(notAfter, remaining(-2 * DAY_MS)), 'expired 2 days ago');
    assert.equal(daysLeftLabel(notAfter, remaining(DAY_MS + 1)), '2 days left');
    assert.equal(daysLeftLabel(notAfter, remaining(DAY_MS)), '1 day left');
    assert.equal(daysLeftLabel(notAfter, remaining(-DAY_MS)), 'expired 1 day ago');
  });

  it('counts a lifetime in whole days whatever the backdating of notBefore', () => {
    const issued = new Date('2026-01-01T00:00:00Z');
    const backdated = new Date(issued.getTime() - 5 * 60_000);
    assert.equal(lifetimeDays(backdated, new Date(issued.getTime() + 825 * DAY_MS)), 825);
    assert.equal(lifetimeDays(issued, new Date(issued.getTime() + 825 * DAY_MS)), 825);
  });

  it('a set generated just now reads its full lifetime: the CA 3650, the leaves 825, with no finding', async () => {
    const files = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256', caDays: 3650, leafDays: 825 }));
    const now = new Date();
    const inspection = inspectFiles(
      files.filter((file) => file.name.endsWith('.pem')).map((file) => ({ path: `/set/${file.name}`, bytes: Buffer.from(file.contents) })),
      now,
    );
    const byFile = Object.fromEntries(inspection.certificates.map((cert) => [cert.file, cert]));
    assert.equal(byFile['/set/ca.pem']?.daysLeft, 3650);
    assert.equal(byFile['/set/server.pem']?.daysLeft, 825);
    assert.equal(byFile['/set/client.pem']?.daysLeft, 825);
    const server = byFile['/set/server.pem'];
    assert.ok(server);
    assert.equal(expiryPhrase(new Date(server.notAfter), now), 'expires in 825 days');
    assert.deepEqual(
      lintCertificate(server, { now, warnDays: 825 }).map((finding) => finding.code),
      ['cert-expiring'],
      '825 days left is within an 825-day window',
    );
    assert.deepEqual(
      lintCertificate(server, { now, warnDays: 824 }).map((finding) => finding.code),
      [],
    );
  });
});
