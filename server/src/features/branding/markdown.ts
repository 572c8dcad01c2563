import MarkdownIt from 'markdown-it';

/**
 * The event description's Markdown as HTML for the public page. markdown-it with `html: false`
 * escapes every tag the organizer types, and its link check refuses javascript:, vbscript:,
 * file: and data: URLs, so the output holds only the tags Markdown itself makes; there is
 * nothing left for a separate sanitiser to remove. Images are off: the page's CSP loads none
 * from elsewhere, and the banner is the place for one.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

// Links leave the page: they open without handing over the page (no opener, no referrer).
const renderLinkOpen = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  return renderLinkOpen
    ? renderLinkOpen(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options);
};

export const renderDescription = (markdown: string): string => md.render(markdown);
