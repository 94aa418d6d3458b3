// Where in milvus.yaml a diagnosis points: the key itself, or, when the file does not set it (e.g.
// proxy.http.port in a 2.3 config), the deepest section that would hold it, so the user lands
// where the key belongs.
import type { MilvusConfigFile } from '../../core/config';
import { normaliseKey, normaliseKeyPath } from '../../core/config';

export interface ConfigLocation {
  file: string;
  /** Offset in the file's text, for the editor's positionAt. */
  offset: number;
  /** 1-based, for `file:line:col` links in the Output channel. */
  line: number;
  col: number;
  /** True when the key is set in the file; false when this is its enclosing section. */
  exact: boolean;
}

export function locateConfigKey(config: MilvusConfigFile, file: string, key: string): ConfigLocation | undefined {
  const at = (offset: number, exact: boolean): ConfigLocation => {
    const { line, col } = config.lineCounter.linePos(offset);
    return { file, offset, line, col, exact };
  };
  const entry = config.entries.get(normaliseKey(key));
  if (entry && !entry.merged) return at(entry.keyRange.start, true);
  const segments = key.split('.');
  for (let length = segments.length - 1; length > 0; length--) {
    const wanted = normaliseKeyPath(segments.slice(0, length));
    const block = config.blocks.find((candidate) => candidate.key === wanted && !candidate.shadowed);
    if (block) return at(block.keyRange.start, false);
  }
  return undefined;
}

/** `/ws/milvus.yaml:12:5`: VS Code's Output channel turns it into a link to that position. */
export function formatLocation(location: ConfigLocation): string {
  return `${location.file}:${location.line}:${location.col}`;
}
