/** Provenance values: where a setting, an address or a file came from, in one short phrase. */
import type { EffectiveValue } from '../config/effectiveConfig';
import { IMAGE_MILVUS_YAML_NAME } from './imageDefaults';
import type { OffsetRange } from '../config/yamlSource';
import type { PathApi } from '../workspace';
import type { Provenance } from './types';

/** 1-based line of an offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** `docker-compose.yml:14`, relative to the deployment's root when inside it. */
export function fromFile(
  pathApi: PathApi,
  root: string,
  file: string,
  text: string | undefined,
  range: OffsetRange | undefined,
): Provenance {
  const relative = pathApi.relative(root, file);
  const shown =
    relative !== '' && !relative.startsWith('..') && !pathApi.isAbsolute(relative) ? relative.split(pathApi.sep).join('/') : file;
  const line = text !== undefined && range ? lineOf(text, range.start) : undefined;
  return {
    kind: 'file',
    file,
    ...(range ? { range } : {}),
    ...(line !== undefined ? { line } : {}),
    text: line !== undefined ? `${shown}:${line}` : shown,
  };
}

export function fromDefault(text: string): Provenance {
  return { kind: 'default', text };
}

export function derived(text: string): Provenance {
  return { kind: 'derived', text };
}

/** Where an effective config value was set: a line of a config file, an environment variable, the image. */
export function fromEffectiveValue(value: EffectiveValue, root: string, pathApi: PathApi): Provenance {
  const origin = value.origin;
  if (origin.kind === 'environment') {
    const variable = origin.variable;
    const where = variable.fileName !== undefined ? fromFile(pathApi, root, variable.fileName, undefined, undefined).text : undefined;
    const line = variable.range && variable.lines ? variable.lines.linePos(variable.range.start).line : undefined;
    return {
      kind: 'environment',
      variable: variable.name,
      ...(variable.fileName !== undefined ? { file: variable.fileName } : {}),
      ...(variable.range ? { range: variable.range } : {}),
      ...(line !== undefined ? { line } : {}),
      text:
        `environment variable ${variable.name}${variable.serviceName !== undefined ? ` of service ${variable.serviceName}` : ''}` +
        (where !== undefined ? ` (${where}${line !== undefined ? `:${line}` : ''})` : ''),
    };
  }
  if (origin.fileName === undefined) return { kind: 'image', text: IMAGE_MILVUS_YAML_NAME };
  const line = origin.lines?.linePos(origin.entry.keyRange.start).line;
  const base = fromFile(pathApi, root, origin.fileName, undefined, undefined);
  return {
    ...base,
    range: origin.entry.keyRange,
    ...(line !== undefined ? { line } : {}),
    text: line !== undefined ? `${base.text}:${line}` : base.text,
  };
}
