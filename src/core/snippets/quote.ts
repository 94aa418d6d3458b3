// String literals for the five target languages. Paths may hold spaces, quotes, backslashes
// (Windows) or worse; each function returns a literal that the language reads back byte for byte.

function escapeWith(value: string, control: (code: number) => string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += control(code);
    else out += char;
  }
  return `"${out}"`;
}

const hex2 = (code: number): string => code.toString(16).padStart(2, '0');

/** A Python str literal ("…" with backslash escapes). */
export function pythonString(value: string): string {
  return escapeWith(value, (code) => `\\x${hex2(code)}`);
}

/** A JavaScript/TypeScript string literal. */
export function jsString(value: string): string {
  // U+2028/2029 are legal in string literals since ES2019, but older tooling chokes on them.
  return escapeWith(value, (code) => `\\x${hex2(code)}`)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A Go interpreted string literal. */
export function goString(value: string): string {
  return escapeWith(value, (code) => `\\x${hex2(code)}`);
}

/**
 * A Java string literal. Java translates \uXXXX before it lexes, so a \u escape for a control
 * character would end the literal: octal escapes are the safe form.
 */
export function javaString(value: string): string {
  return escapeWith(value, (code) => `\\${code.toString(8).padStart(3, '0')}`);
}

/** One POSIX shell word: single quotes, with ' written as '\'' (nothing is special inside '…'). */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
