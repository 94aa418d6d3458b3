// Parsed results keyed by the SHA-256 of the bytes. OpenSSL 3's decoders make node:crypto's
// X509Certificate (~0.1-1 ms) and createPrivateKey (~1-4 ms) the bulk of a scan's cost, while real
// trees hold many copies of the same CA and a watcher re-inspects mostly unchanged files. Bounded,
// least recently used out first; in-process only. Keys are hashes: no key material is kept.
import { createHash } from 'node:crypto';

export class ContentCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  /** The cached value for these bytes, or `compute(bytes)` stored for next time. Errors are not cached. */
  getOrCompute(bytes: Buffer, compute: () => T): T {
    const key = createHash('sha256').update(bytes).digest('base64');
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches: ContentCache<unknown>[] = [];

export function createContentCache<T>(maxEntries: number): ContentCache<T> {
  const cache = new ContentCache<T>(maxEntries);
  caches.push(cache);
  return cache;
}

/** Forgets every parsed certificate and key (benchmarks measure cold runs with it). */
export function clearInspectionCaches(): void {
  for (const cache of caches) cache.clear();
}
