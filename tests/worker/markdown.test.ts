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
