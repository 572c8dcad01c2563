/**
 * Text for XML 1.0 content and attribute values: the five specials escaped, and the characters
 * XML does not allow at all (most C0 controls, U+FFFE, U+FFFF) dropped, since an organizer's
 * pasted title may hold them and one would make the whole document unreadable.
 */
export const escapeXml = (s: string | number | boolean): string =>
  String(s)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
