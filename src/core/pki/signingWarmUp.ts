// The first certificate set a process signs runs cold: forge's ASN.1 codec loads, and V8 compiles
// each function of the signing path on its first call. In a fresh process that is ~16 ms more than
// later sets (RSA 2048: 24 vs 8 ms of signing, medians of 9 fresh processes each). A wizard signs
// after its last answer, the moment the user waits for; so while its questions are asked, a
// throwaway set is signed once, in memory, and dropped.
import { defaultCertificateSetOptions } from './defaults';
import { generateCertificateSet } from './generate';
import { generateSetKeys } from './keyPregeneration';

let warmedUp: Promise<void> | undefined;

/**
 * Signs a throwaway P-256 set (its own keys, never written, never logged) the first time it is called
 * in this process; later calls return the same promise. Never rejects: a failure here is found again,
 * and reported, by the real signing.
 */
export function warmUpSigning(): Promise<void> {
  warmedUp ??= generateCertificateSet(
    defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }),
    undefined,
    generateSetKeys('ecdsa-p256'),
  ).then(
    () => undefined,
    () => undefined,
  );
  return warmedUp;
}
