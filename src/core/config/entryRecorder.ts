/**
 * The last step of reading a config file, over its entries in document order: which flat key each
 * entry gives Milvus, which spellings of one key compete (Go picks one at random), and the warnings
 * for duplicate keys. Kept apart from the walk so that a file read in parts (segmentedConfig.ts)
 * gets exactly the same keys, duplicates and messages as one read whole.
 */
import type { ConfigEntry, MilvusConfigFile } from './milvusConfig';

export class EntryRecorder {
  private readonly equivalents = new Map<string, ConfigEntry[]>();

  constructor(private readonly config: MilvusConfigFile) {}

  record(entry: ConfigEntry): void {
    this.config.allEntries.push(entry);
    if (entry.shadowed) return;
    // A list per key only once a second spelling turns up: most keys have one.
    const previous = this.config.entries.get(entry.key);
    if (previous) {
      const sameKey = this.equivalents.get(entry.key);
      if (sameKey) sameKey.push(entry);
      else this.equivalents.set(entry.key, [previous, entry]);
    }
    this.config.entries.set(entry.key, entry);
  }

  reportDuplicates(text: string): void {
    // In the order the keys first appeared, as the diagnostics always came.
    const firstSeen = ([first]: ConfigEntry[]): number => (first ? this.config.allEntries.indexOf(first) : -1);
    const groups = [...this.equivalents].sort(([, a], [, b]) => firstSeen(a) - firstSeen(b));
    for (const [key, entries] of groups) {
      for (const entry of entries) entry.ambiguous = true;
      this.config.duplicates.push({
        kind: 'equivalent-key',
        key,
        keyRanges: entries.map((entry) => entry.keyRange),
        paths: entries.map((entry) => entry.path),
      });
    }
    for (const duplicate of this.config.duplicates) {
      const last = duplicate.keyRanges[duplicate.keyRanges.length - 1];
      const lastLine = last ? this.config.lineCounter.linePos(last.start).line : 0;
      duplicate.keyRanges.slice(0, -1).forEach((range, index) => {
        const written = text.slice(range.start, range.end);
        const message =
          duplicate.kind === 'same-key'
            ? `duplicate key "${written}": Milvus keeps only the last one (line ${lastLine}) and ignores this one${isBlockKey(this.config, duplicate.paths[index] ?? []) ? ' with everything under it' : ''}`
            : `"${(duplicate.paths[index] ?? []).join('.')}" and "${(duplicate.paths[duplicate.paths.length - 1] ?? []).join('.')}" (line ${lastLine}) are the same key to Milvus; which one wins is random`;
        this.config.problems.push({
          message,
          offset: range.start,
          end: range.end,
          severity: 'warning',
          code: duplicate.kind === 'same-key' ? 'duplicate-key' : 'equivalent-key',
        });
      });
    }
  }
}

function isBlockKey(config: MilvusConfigFile, path: readonly string[]): boolean {
  return config.blocks.some((block) => block.path.length === path.length && block.path.every((segment, index) => segment === path[index]));
}
