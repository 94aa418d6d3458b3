/**
 * Markdown built from what files say (compose values, paths, certificate names, file names) must
 * show that text as text. Hovers and tree tooltips are Markdown, and a repository controls those
 * values: unescaped, `![x](https://tracker/…)` loads an image when the hover opens, a URL becomes
 * a link, a backtick closes a code span, and a blank line starts a new paragraph after it.
 * Everything from a file goes through escapeMarkdown (text) or markdownCode (an inline code span).
 */
import { visibleControls } from './visibleText';

export { visibleControls } from './visibleText';

/**
 * Text for a Markdown paragraph, bold run or table cell. The punctuation a renderer may read as
 * markup is backslash-escaped (CommonMark allows it for every ASCII mark): `\:` and `\.` keep `https://…`
 * and `www.…` from becoming links, `\<` keeps HTML out, `\$` keeps `$(icon)` from becoming an icon.
 */
export function escapeMarkdown(text: string): string {
  return visibleControls(text).replace(/[\\`*_{}[\]()#+\-.!|<>~:$&]/g, '\\$&');
}

/**
 * An inline code span that shows `text` verbatim: fenced with one backtick more than its longest
 * run of backticks, so no backtick inside can close it, and padded when it starts or ends with one.
 */
export function markdownCode(text: string): string {
  const shown = visibleControls(text);
  if (shown === '') return '` `';
  const longestRun = Math.max(0, ...[...shown.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^[`\s]|[`\s]$/.test(shown) ? ` ${shown} ` : shown;
  return `${fence}${padded}${fence}`;
}

/** The same text for clients that show hovers as plain text: escapes and emphasis undone. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/(`+) ?([\s\S]*?) ?\1(?!`)/g, (_match, _fence: string, code: string) => code)
    .replace(/\*\*/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
