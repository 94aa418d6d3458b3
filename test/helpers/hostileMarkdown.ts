// Text that turns into links, tracking images or HTML when a Markdown renderer meets it unescaped:
// what a hostile repository puts into compose values, paths and certificate names.
export const HOSTILE_MARKDOWN: readonly string[] = [
  '[click](https://evil.example/x)',
  '![t](https://tracker.example/t.png)',
  'https://tracker.example/pixel',
  'www.tracker.example/p',
  '<img src="https://tracker.example/i.png">',
  '<https://tracker.example/auto>',
  'a` ![t](https://tracker.example/c.png) `b',
  'a``` ![t](https://tracker.example/c3.png) ```b',
  'x\n\n![t](https://tracker.example/n.png)',
  'x\n\n[r]: https://tracker.example/ref\n\n[r]',
  'x | y\n|---|---|\n| ![t](https://tracker.example/tbl.png) | z |',
  '&lt;img src=https://tracker.example/e.png&gt;',
  '$(zap) ![t](//tracker.example/rel.png)',
];
