import { firstFetchOf, withPreload } from './preload.js';

describe('preloading the event page’s data', () => {
  const id = '7A1960AD-1304-41E7-82D5-27B98F9F61AB';

  it('names the public event of an event page', () => {
    expect(firstFetchOf('e', id)).toBe(`/api/v1/public/events/${id.toLowerCase()}`);
  });

  it('names nothing for other pages or for ids that are not UUIDs', () => {
    expect(firstFetchOf('t', id)).toBeUndefined();
    expect(firstFetchOf('e', '"><script>alert(1)</script>')).toBeUndefined();
    expect(firstFetchOf('e', `${id}x`)).toBeUndefined();
  });

  it('puts the preload first in the head', () => {
    const html = withPreload('<html><head><title>x</title></head></html>', '/api/v1/x');
    expect(html).toBe(
      '<html><head>\n    <link rel="preload" href="/api/v1/x" as="fetch" crossorigin="anonymous"><title>x</title></head></html>',
    );
  });
});
