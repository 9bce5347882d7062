import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from '../../worker/lib/markdown';

/** Every tag in `html` is one the renderer writes, and only `<a>` carries attributes: `href` then `rel`. */
function expectOnlyOurTags(html: string) {
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    expect(tag, tag).toMatch(/^<\/?(h1|h2|h3|p|ul|ol|li|strong|em|code|a)>$|^<a href="(https?:\/\/|mailto:)[^"<>\s]*" rel="noopener nofollow">$/i);
  }
}

describe('renderMarkdown', () => {
  it('renders headings, paragraphs and soft line breaks', () => {
    expect(renderMarkdown('# Charter\n\nBe **kind**.\nBe *honest*.\n\n## Why ##\n### How\n#### not a heading')).toBe(
      '<h1>Charter</h1>\n<p>Be <strong>kind</strong>.\nBe <em>honest</em>.</p>\n<h2>Why</h2>\n<h3>How</h3>\n<p>#### not a heading</p>',
    );
  });

  it('renders bullet and numbered lists, with continuation lines and a blank line inside', () => {
    expect(renderMarkdown('- one\n* two\n  more\n\n- three\n1. first\n2) second')).toBe(
      '<ul>\n<li>one</li>\n<li>two\nmore</li>\n<li>three</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
  });

  it('renders code spans verbatim, links with rel, and backslash escapes', () => {
    expect(renderMarkdown('Use `**x**` and [the **guide**](https://acme.test/guide?a=1&b=2), or [HR](mailto:hr@acme.test). \\*not italic\\*')).toBe(
      '<p>Use <code>**x**</code> and <a href="https://acme.test/guide?a=1&amp;b=2" rel="noopener nofollow">the <strong>guide</strong></a>, or <a href="mailto:hr@acme.test" rel="noopener nofollow">HR</a>. *not italic*</p>',
    );
  });

  it('keeps emphasis tags well nested', () => {
    expect(renderMarkdown('**a *b** c* and *a **b** c*')).toBe('<p><strong>a *b</strong> c* and <em>a <strong>b</strong> c</em></p>');
  });

  it('normalises CRLF and renders an empty body as nothing', () => {
    expect(renderMarkdown('a\r\nb\r\n\r\nc')).toBe('<p>a\nb</p>\n<p>c</p>');
    expect(renderMarkdown('\n\n')).toBe('');
  });
});

describe('renderMarkdown against XSS', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<svg/onload=alert(1)>',
    '<<script>script>alert(1)<</script>/script>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example/)',
    '[x](https://ok.test/"onmouseover="alert`1`)',
    "[x](https://ok.test/'onmouseover='alert`1`)",
    '[x](https://ok.test/"><script>alert(1)</script>)',
    '[<img src=x onerror=alert(1)>](https://ok.test/)',
    '`<script>alert(1)</script>`',
    '**<b onclick=alert(1)>bold</b>**',
    '# <iframe src=javascript:alert(1)>',
    '- <style>body{display:none}</style>',
    '&lt;script&gt; &#60;script&#62; \\<script>',
    'text\u0000<script>\u00001\u0000',
  ];

  it.each(vectors)('never lets raw HTML or a dangerous URL through: %s', (vector) => {
    const html = renderMarkdown(vector);
    expectOnlyOurTags(html);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|b )/i);
    expect(html).not.toMatch(/href="(?!https?:\/\/|mailto:)/i);
    expect(html).not.toContain('\u0000');
  });

  it('keeps an attacker’s quotes inside the href, escaped', () => {
    expect(renderMarkdown('[x](https://ok.test/"onmouseover="y)')).toBe('<p><a href="https://ok.test/&quot;onmouseover=&quot;y" rel="noopener nofollow">x</a></p>');
  });

  it('shows a link with a refused scheme as its source text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderMarkdown on adversarial sizes', () => {
  // 200 000 characters, four times the longest charter, and a million where a quadratic pass once hid (`[`,
  // blank runs). The renderer is linear, so each case renders in well under a second; a quadratic pass (the old
  // link pattern took 2.6 s for 50 000 `[`) would take minutes to hours here, far past the test timeout
  // (vitest fails a synchronous test that overran it). The assertions themselves are on the output.
  const N = 200_000;
  const BIG = 1_000_000;
  const A = (href: string, text: string) => `<a href="${href}" rel="noopener nofollow">${text}</a>`;
  const cases: [name: string, input: string, html: string][] = [
    ['brackets', '['.repeat(BIG), `<p>${'['.repeat(BIG)}</p>`],
    ['one bracket before a long text', `[${'a'.repeat(BIG)}`, `<p>[${'a'.repeat(BIG)}</p>`],
    ['link openers without a URL', '[a]('.repeat(BIG / 4), `<p>${'[a]('.repeat(BIG / 4)}</p>`],
    ['`](` pairs', ']('.repeat(BIG / 2), `<p>${']('.repeat(BIG / 2)}</p>`],
    ['a bracket before `](` pairs', `[${']('.repeat(BIG / 2)}`, `<p>[${']('.repeat(BIG / 2)}</p>`],
    ['brackets before an unclosed URL', `${'['.repeat(N)}a](https://x.test/${'x'.repeat(N)}`, `<p>${'['.repeat(N)}a](https://x.test/${'x'.repeat(N)}</p>`],
    ['brackets, stars, backticks and underscores', '[*`_'.repeat(N / 4), `<p>${'[<em><code>_[*</code>_[</em><code>_[*</code>_'.repeat(N / 16)}</p>`],
    ['stars', '*'.repeat(N), `<p>${'<strong>*</strong>'.repeat(N / 5)}</p>`],
    ['underscores', '_'.repeat(N), `<p>${'_'.repeat(N)}</p>`],
    ['backticks', '`'.repeat(N), `<p>${'`'.repeat(N)}</p>`],
    ['code spans', '`a'.repeat(N / 2), `<p>${'<code>a</code>a'.repeat(N / 4)}</p>`],
    ['bold runs', '**a'.repeat(N / 3), `<p>${'<strong>a</strong>a'.repeat(N / 6)}</p>`],
    ['nested emphasis', '*a **b** c* '.repeat(N / 12), `<p>${'<em>a <strong>b</strong> c</em> '.repeat(N / 12).trimEnd()}</p>`],
    ['escapes', '\\['.repeat(N / 2), `<p>${'['.repeat(N / 2)}</p>`],
    ['links on one line', '[a](https://x.test/) '.repeat(N / 21), `<p>${`${A('https://x.test/', 'a')} `.repeat(N / 21).trimEnd()}</p>`],
    ['a heading line of blanks', `# a${' '.repeat(BIG)}#`, '<h1>a</h1>'],
    ['a heading line of blanks before a line separator', `# a${' '.repeat(BIG)}\u2028`, `<h1>a${' '.repeat(BIG)}\u2028</h1>`],
    ['a list item of blanks before a line separator', `- ${' '.repeat(BIG)}x\u2028`, '<ul>\n<li>x\u2028</li>\n</ul>'],
    ['list items', '- a\n'.repeat(N / 4), `<ul>\n${'<li>a</li>\n'.repeat(N / 4)}</ul>`],
  ];

  it.each(cases)('renders %s correctly', (_, input, html) => {
    const actual = renderMarkdown(input);
    // Compared around the first difference: a diff of two 300 000-character strings says nothing.
    let at = 0;
    while (at < actual.length && actual[at] === html[at]) at++;
    expect({ length: actual.length, at, around: actual.slice(at - 40, at + 40) }).toEqual({ length: html.length, at: html.length, around: html.slice(at - 40, at + 40) });
  });

  it('keeps its tag allowlist on large random mixes of every construct', () => {
    const pieces = ['[', ']', '(', ')', '](', '*', '**', '`', '_', '\\', '#', '# ', '- ', '1. ', ' ', '\n', 'a', '<', '&', '"', 'https://x.test/', 'javascript:'];
    let seed = 9;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 5; round++) {
      let input = '';
      while (input.length < N / 5) input += pieces[next() % pieces.length];
      const html = renderMarkdown(input);
      expectOnlyOurTags(html);
      expect(html).not.toContain('\u0000');
    }
  });
});
