// The one escape helper for Markdown built from file contents: whatever the text, a renderer shows
// it as text (no link, image or HTML), in a paragraph, in bold and in a table cell, and a code span
// cannot be closed from inside.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { escapeMarkdown, markdownCode, markdownToPlainText, visibleControls } from '../../src/core/markdown';
import { HOSTILE_MARKDOWN } from '../helpers/hostileMarkdown';
import { activeMarkup, renderMarkdown, visibleText } from '../helpers/renderMarkdown';

function assertInert(markdown: string, shown: string): void {
  const html = renderMarkdown(markdown);
  assert.deepEqual(activeMarkup(html), [], `${JSON.stringify(markdown)} renders ${html}`);
  assert.ok(visibleText(html).includes(shown), `${JSON.stringify(markdown)} does not show ${JSON.stringify(shown)}: ${html}`);
}

describe('escapeMarkdown / markdownCode', () => {
  for (const text of HOSTILE_MARKDOWN) {
    it(`shows ${JSON.stringify(text)} as text`, () => {
      const shown = visibleControls(text);
      assertInert(`Value ${escapeMarkdown(text)} here.`, shown);
      assertInert(`**${escapeMarkdown(text)}**`, shown);
      assertInert(`| Field | Value |\n|---|---|\n| SAN | ${escapeMarkdown(text)} |`, shown);
      assertInert(`Path ${markdownCode(text)} here.`, shown);
    });
  }

  it('makes control characters and invisible direction marks visible', () => {
    assert.equal(visibleControls('a\nb\r\tc\u0000\u007f'), 'a\u240ab\u240d\u2409c\u2400\u2421');
    assert.equal(visibleControls('x\u202ey\u2028z'), 'x<U+202E>y<U+2028>z');
  });

  it('keeps ordinary names readable', () => {
    assert.equal(escapeMarkdown('my_ca*[1].pem'), 'my\\_ca\\*\\[1\\]\\.pem');
    assert.equal(markdownCode('/milvus/tls/server.pem'), '`/milvus/tls/server.pem`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`a'), '`` `a ``');
  });

  it('turns the Markdown back into the plain text for clients without Markdown', () => {
    assert.equal(
      markdownToPlainText(`**${escapeMarkdown('my_ca [1].pem')}** uses ${markdownCode('x`y')} and ${markdownCode('/a.pem')}`),
      'my_ca [1].pem uses x`y and /a.pem',
    );
  });
});
