// Splits PEM text into blocks with their labels, headers and line ranges, and says precisely what
// is wrong with a broken one (truncated, corrupted base64) instead of failing the whole file.
import type { PemRange } from './types';

export interface PemBlock {
  label: string;
  /** RFC 1421 headers such as Proc-Type and DEK-Info (legacy encrypted keys). */
  headers: Record<string, string>;
  der: Buffer;
  range: PemRange;
}

export interface PemProblem {
  kind: 'truncated' | 'bad-base64';
  label: string;
  message: string;
  range: PemRange;
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----\s*$/;
const END = /^-----END ([A-Z0-9 ]+)-----\s*$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/** Every block in the text, in order, plus the broken ones; text outside blocks is ignored. */
export function splitPem(text: string): { blocks: PemBlock[]; problems: PemProblem[] } {
  const lines = text.split(/\r?\n/);
  const blocks: PemBlock[] = [];
  const problems: PemProblem[] = [];
  let lineIndex = 0;
  while (lineIndex < lines.length) {
    const begin = BEGIN.exec((lines[lineIndex] ?? '').trim());
    if (!begin) {
      lineIndex++;
      continue;
    }
    const label = begin[1] ?? '';
    const startLine = lineIndex;
    const headers: Record<string, string> = {};
    const bodyLines: string[] = [];
    let endLine: number | undefined;
    let endLabel: string | undefined;
    let cursor = lineIndex + 1;
    let inHeaders = true;
    for (; cursor < lines.length; cursor++) {
      const line = (lines[cursor] ?? '').trim();
      const end = END.exec(line);
      if (end) {
        endLine = cursor;
        endLabel = end[1];
        break;
      }
      // A new BEGIN before our END means this block was cut off.
      if (BEGIN.test(line)) break;
      const header = inHeaders ? HEADER.exec(line) : null;
      if (header) {
        headers[header[1] ?? ''] = header[2] ?? '';
        continue;
      }
      inHeaders = false;
      if (line !== '') bodyLines.push(line);
    }
    if (endLine === undefined || endLabel !== label) {
      const lastLine = endLine ?? cursor - 1;
      problems.push({
        kind: 'truncated',
        label,
        message:
          endLine === undefined
            ? `the "${label}" block starting on line ${startLine + 1} has no END line: the file is truncated or was cut while copying`
            : `the "${label}" block starting on line ${startLine + 1} ends with "END ${endLabel ?? ''}": the file was assembled wrongly`,
        range: { startLine, endLine: lastLine },
      });
      lineIndex = endLine === undefined ? cursor : endLine + 1;
      continue;
    }
    const range = { startLine, endLine };
    const body = bodyLines.join('');
    const badLine = bodyLines.findIndex((line) => !BASE64_LINE.test(line));
    if (badLine >= 0 || body.length % 4 !== 0 || /=[^=]/.test(body) || body.length === 0) {
      problems.push({
        kind: 'bad-base64',
        label,
        message:
          body.length === 0
            ? `the "${label}" block starting on line ${startLine + 1} is empty`
            : `the "${label}" block starting on line ${startLine + 1} has corrupted base64${badLine >= 0 ? ` (invalid characters in its line ${badLine + 1})` : ' (wrong length)'}: re-export or re-copy the file`,
        range,
      });
    } else {
      blocks.push({ label, headers, der: Buffer.from(body, 'base64'), range });
    }
    lineIndex = endLine + 1;
  }
  return { blocks, problems };
}
