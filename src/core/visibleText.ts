/**
 * Text from outside (a file, a server) shown to a person, in Markdown, in a terminal or in a log:
 * control characters would start new Markdown blocks, move the cursor, clear the screen or set the
 * window title (ANSI escape sequences), and invisible characters can reorder what is read.
 */

/**
 * Control characters as their Unicode control pictures (newline → ␊), and invisible characters
 * that move lines or reorder text (line separators, bidirectional overrides) as `<U+202E>`: a
 * value cannot start a new Markdown block, and what is shown is what the file holds.
 */
export function visibleControls(text: string): string {
  return text.replace(/\p{Cc}|[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/** Server-sent text for a report line: control characters made visible, and at most `max` characters. */
export function reportText(text: string, max = 500): string {
  const shown = visibleControls(text);
  return shown.length <= max ? shown : `${shown.slice(0, max)}… (${shown.length - max} more characters)`;
}
