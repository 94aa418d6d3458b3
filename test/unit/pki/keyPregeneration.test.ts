// Keys made while the wizard asks: the right keys reach the set, the wrong ones are dropped, and once
// the command is over (cancelled or not) no key is reachable. Reachability is checked with WeakRefs
// and a full garbage collection: a key object that anything still references survives it.
import { strict as assert } from 'node:assert';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { InvalidOptionsError } from '../../../src/core/pki/errors';
import { generateCertificateSet, reissueLeaves } from '../../../src/core/pki/generate';
import { generateSetKeys, KeyPregeneration, type CertificateSetKeys } from '../../../src/core/pki/keyPregeneration';
import type { KeyType } from '../../../src/core/pki/types';
import { liveAfterCollection } from '../../helpers/reachability';

/**
 * A key maker that counts its calls and keeps only weak references to what it made: `made[i]` holds
 * the six key objects of call i (generations may finish in any order).
 */
function watchedKeyMaker(): {
  make: (keyType: KeyType) => Promise<CertificateSetKeys>;
  calls: KeyType[];
  made: WeakRef<object>[][];
  allMade: () => Promise<void>;
} {
  const calls: KeyType[] = [];
  const made: WeakRef<object>[][] = [];
  const finished: Promise<void>[] = [];
  const make = (keyType: KeyType): Promise<CertificateSetKeys> => {
    calls.push(keyType);
    const refs: WeakRef<object>[] = [];
    made.push(refs);
    const keys = generateSetKeys(keyType).then((set) => {
      for (const pair of [set.ca, set.server, set.client]) refs.push(new WeakRef(pair.privateKey), new WeakRef(pair.publicKey));
      return set;
    });
    finished.push(keys.then(() => undefined));
    return keys;
  };
  return {
    make,
    calls,
    made,
    allMade: async () => {
      await Promise.all(finished);
    },
  };
}

describe('KeyPregeneration', () => {
  it('hands over the keys it started for the type asked, once, without making them twice', async () => {
    const maker = watchedKeyMaker();
    const keys = new KeyPregeneration(maker.make);
    void keys.start('ecdsa-p256');
    void keys.start('ecdsa-p256');
    assert.equal(keys.keyType, 'ecdsa-p256');
    const taken = await keys.take('ecdsa-p256');
    assert.deepEqual(maker.calls, ['ecdsa-p256']);
    assert.equal(taken.ca.privateKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.equal(keys.keyType, undefined, 'taken keys are no longer held');
    // A second take makes new ones: the same keys never serve two sets.
    await keys.take('ecdsa-p256');
    assert.deepEqual(maker.calls, ['ecdsa-p256', 'ecdsa-p256']);
  });

  it('drops the keys of a type the user changed away from, and makes keys now for a type never started', async () => {
    const maker = watchedKeyMaker();
    const keys = new KeyPregeneration(maker.make);
    void keys.start('ecdsa-p256');
    void keys.start('ecdsa-p384');
    assert.equal(keys.keyType, 'ecdsa-p384');
    await maker.allMade();
    // The P-256 keys are unreachable already; the P-384 ones are held for the last answer.
    assert.equal(await liveAfterCollection(maker.made[0] ?? []), 0, 'the dropped P-256 keys are gone');
    assert.equal(await liveAfterCollection(maker.made[1] ?? []), 6, 'the P-384 keys are held');
    const taken = await keys.take('ecdsa-p256');
    assert.equal(taken.server.privateKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.deepEqual(maker.calls, ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p256']);
  });

  it('keeps no key reachable after dispose, also while a generation was still running', async () => {
    const maker = watchedKeyMaker();
    const keys = new KeyPregeneration(maker.make);
    void keys.start('ecdsa-p256');
    await maker.allMade();
    void keys.start('rsa2048');
    keys.dispose(); // the RSA keys are still being made
    await maker.allMade();
    assert.equal(maker.made.flat().length, 12);
    assert.equal(await liveAfterCollection(maker.made.flat()), 0);
    assert.throws(() => keys.take('rsa2048'), /discarded/);
    void keys.start('ecdsa-p256');
    assert.equal(keys.keyType, undefined, 'nothing starts after dispose');
    assert.deepEqual(maker.calls, ['ecdsa-p256', 'rsa2048']);
  });
});

describe('generating with keys made in advance', () => {
  const options = defaultCertificateSetOptions({ keyType: 'ecdsa-p256' });

  it('puts exactly those keys into the set', async () => {
    const made = await generateSetKeys('ecdsa-p256');
    const files = await generateCertificateSet(options, undefined, Promise.resolve(made));
    const contents = (name: string): string => files.find((file) => file.name === name)?.contents ?? '';
    for (const role of ['ca', 'server', 'client'] as const) {
      assert.ok(createPrivateKey(contents(`${role}.key`)).equals(made[role].privateKey), `${role}.key is the premade key`);
      assert.ok(new X509Certificate(contents(`${role}.pem`)).publicKey.equals(made[role].publicKey), `${role}.pem holds its public key`);
    }
  });

  it('refuses keys of another type than the options ask for', async () => {
    const made = generateSetKeys('ecdsa-p384');
    await assert.rejects(generateCertificateSet(options, undefined, made), InvalidOptionsError);
  });

  it('reissues the leaves with the premade server and client keys, the CA key unused', async () => {
    const files = await generateCertificateSet(options);
    const contents = (name: string): string => files.find((file) => file.name === name)?.contents ?? '';
    const made = await generateSetKeys('ecdsa-p256');
    const reissued = await reissueLeaves(
      { certificatePem: contents('ca.pem'), privateKeyPem: contents('ca.key') },
      options,
      { server: true, client: true },
      undefined,
      Promise.resolve(made),
    );
    const key = (name: string): string => reissued.find((file) => file.name === name)?.contents ?? '';
    assert.ok(createPrivateKey(key('server.key')).equals(made.server.privateKey));
    assert.ok(createPrivateKey(key('client.key')).equals(made.client.privateKey));
    assert.ok(!reissued.some((file) => file.name === 'ca.key'));
  });
});
