/**
 * Where in the workspace a setting lives, for "Open milvus.yaml at tls.caPemPath" and the Output
 * channel's `file:line:col` links: the line that sets its effective value (a config file or the
 * compose environment), else the section of the config file that would hold it, so the user lands
 * where the key belongs.
 */
import type { MilvusConfigFile } from '../config';
import { getEffectiveValue, normaliseKey, normaliseKeyPath } from '../config';
import type { Deployment } from '../deployment';

export interface SettingLocation {
  file: string;
  /** Offset in the file's text, for the editor's positionAt. */
  offset: number;
  /** 1-based, for `file:line:col` links in the Output channel. */
  line: number;
  col: number;
  /** True when the key is set there; false when this is its enclosing section. */
  exact: boolean;
}

function inConfig(config: MilvusConfigFile, file: string, key: string): SettingLocation | undefined {
  const at = (offset: number, exact: boolean): SettingLocation => {
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

export function locateSetting(deployment: Deployment, key: string): SettingLocation | undefined {
  const value = getEffectiveValue(deployment.effective, key);
  const origin = value?.origin;
  if (origin?.kind === 'environment' && origin.variable.fileName !== undefined && origin.variable.range && origin.variable.lines) {
    const { line, col } = origin.variable.lines.linePos(origin.variable.range.start);
    return { file: origin.variable.fileName, offset: origin.variable.range.start, line, col, exact: true };
  }
  const hostFiles = deployment.configFiles.filter(
    (file) => file.source === 'host' && file.hostPath !== undefined && file.ignoredBecause === undefined,
  );
  if (origin?.kind === 'file' && origin.fileName !== undefined) {
    const holder = hostFiles.find((file) => file.hostPath === origin.fileName);
    if (holder?.hostPath !== undefined) return inConfig(holder.config, holder.hostPath, key);
  }
  // Not set in a workspace file: the section of the last file Milvus reads, where an edit would go.
  for (const file of [...hostFiles].reverse()) {
    const location = file.hostPath !== undefined ? inConfig(file.config, file.hostPath, key) : undefined;
    if (location) return location;
  }
  return undefined;
}

/** `/ws/milvus.yaml:12:5`: VS Code's Output channel turns it into a link to that position. */
export function formatLocation(location: SettingLocation): string {
  return `${location.file}:${location.line}:${location.col}`;
}
