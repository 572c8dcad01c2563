import { renderDescription } from './markdown.js';

describe('the event description as HTML', () => {
  it('renders Markdown', () => {
    expect(
      renderDescription('**Two days** of talks.\n\n- Hall A\n- [Venue](https://example.org)'),
    ).toBe(
      '<p><strong>Two days</strong> of talks.</p>\n<ul>\n<li>Hall A</li>\n<li><a href="https://example.org" rel="noopener noreferrer nofollow">Venue</a></li>\n</ul>\n',
    );
  });

  it('shows typed HTML as text and refuses script links', () => {
    const html = renderDescription(
      '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) ![i](https://example.org/i.png)',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });
});
