// Renders Markdown to HTML with markdown-it (CommonMark, with tables, raw HTML and linkify's bare-URL
// links on): the oracle for "text from a file shows as text". If a hover or tooltip built from
// hostile values renders an <a>, an <img> or raw HTML, the escaping failed.
import { createRequire } from 'node:module';

interface MarkdownIt {
  render(markdown: string): string;
}

const requireFromHere = createRequire(__filename);
const markdownIt = requireFromHere('markdown-it') as (options: { html: boolean; linkify: boolean }) => MarkdownIt;
const renderer = markdownIt({ html: true, linkify: true });

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** The elements that would load or link something, or raw HTML that came through. */
export function activeMarkup(html: string): string[] {
  return [
    ...html.matchAll(/<(a|img|script|iframe|style|svg|video|audio|object|embed|link|meta|form|input|details|picture|source)\b[^>]*>/gi),
  ].map((match) => match[0]);
}

/** The text a reader sees (tags removed, entities decoded). */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
