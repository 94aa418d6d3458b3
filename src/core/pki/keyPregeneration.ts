// Keys made while the user still answers questions. Generating RSA keys is the slow part of a
// certificate set (hundreds of milliseconds to seconds), and a wizard's questions take the user
// seconds: a command starts the keys for the preselected key type when it opens, switches when the
// user picks another type, and on the last answer only signs and writes.
// The keys live in this object only (never on disk, never logged); dispose() lets go of them, so a
// cancelled command keeps nothing.
import { generateKey, type KeyPair } from './keys';
import type { KeyType } from './types';

/** The three key pairs of a set. */
export interface CertificateSetKeys {
  ca: KeyPair;
  server: KeyPair;
  client: KeyPair;
}

/** The three keys, generated in parallel on libuv's thread pool (OpenSSL, native). */
export async function generateSetKeys(keyType: KeyType): Promise<CertificateSetKeys> {
  const [ca, server, client] = await Promise.all([generateKey(keyType), generateKey(keyType), generateKey(keyType)]);
  return { ca, server, client };
}

export class KeyPregeneration {
  private pending: { keyType: KeyType; keys: Promise<CertificateSetKeys> } | undefined;
  private disposed = false;

  /** `generate` is the key maker; tests pass one that watches what it makes. */
  constructor(private readonly generate: (keyType: KeyType) => Promise<CertificateSetKeys> = generateSetKeys) {}

  /**
   * Starts making keys of this type unless they are already being made; drops keys of another type.
   * Settles (never rejects) once these keys are made, for a log line; the keys are not passed on.
   */
  start(keyType: KeyType): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.pending?.keyType !== keyType) this.pending = { keyType, keys: this.generate(keyType) };
    // Dropped keys still finish (OpenSSL's generation cannot be stopped) and are then unreachable;
    // their failure, if any, is reported by whoever takes keys, not as an unhandled rejection.
    return this.pending.keys.then(
      () => undefined,
      () => undefined,
    );
  }

  /** The type being made, if any. */
  get keyType(): KeyType | undefined {
    return this.pending?.keyType;
  }

  /**
   * Hands the keys for keyType over (once: this object no longer holds them). Keys of another type, or
   * none started, mean they are made now, as without pregeneration.
   */
  take(keyType: KeyType): Promise<CertificateSetKeys> {
    if (this.disposed) throw new Error('the pregenerated keys were discarded');
    const pending = this.pending;
    this.pending = undefined;
    return pending?.keyType === keyType ? pending.keys : this.generate(keyType);
  }

  /** Discards the keys (cancel, close, error); nothing can be started or taken afterwards. */
  dispose(): void {
    this.pending = undefined;
    this.disposed = true;
  }
}
