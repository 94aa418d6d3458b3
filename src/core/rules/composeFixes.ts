/** Edits in the compose file: mounting a folder so a config path reaches a workspace file. */
import { parseComposeFile } from '../compose';
import type { TextEdit } from './fixes';

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** Appends `- volume` to the service's volumes (creating the key), in the list's own indentation. */
export function addVolumeEdits(composeText: string, serviceName: string, volume: string): TextEdit[] {
  const service = parseComposeFile(composeText).services.find((candidate) => candidate.name === serviceName);
  if (!service) return [];
  const last = service.volumes[service.volumes.length - 1];
  if (last) {
    const start = lineStartOf(composeText, last.range.start);
    const prefix = composeText.slice(start, last.range.start);
    // Only a plain `  - ` prefix can be repeated; a flow list (`volumes: [a, b]`) is left to the user.
    if (!/^\s*-\s+$/.test(prefix)) return [];
    const at = lineEndOf(composeText, last.range.end);
    const newline = at > 0 && composeText[at - 1] !== '\n' ? '\n' : '';
    return [{ start: at, end: at, newText: `${newline}${prefix}${volume}\n` }];
  }
  if (service.volumesKeyRange) return [];
  const firstChild = lineStartOf(composeText, service.range.start);
  const indent = composeText.slice(firstChild, service.range.start);
  if (!/^\s+$/.test(indent)) return [];
  return [{ start: firstChild, end: firstChild, newText: `${indent}volumes:\n${indent}  - ${volume}\n` }];
}
