import { oneLine, senderDomain } from './mail-channel.js';

describe('header values', () => {
  it('puts a value with line breaks on one line, so it cannot start a header of its own', () => {
    expect(oneLine('Eve\r\nBcc: everyone@example.org <script>')).toBe(
      'Eve Bcc: everyone@example.org <script>',
    );
    expect(oneLine('a\rb\nc\u2028d\u2029e\u0085f')).toBe('a b c d e f');
  });
});

describe('senderDomain', () => {
  it('is the domain of the sender’s address, for Message-IDs', () => {
    expect(senderDomain('DevConf <tickets@devconf.example>')).toBe('devconf.example');
    expect(senderDomain('tickets@devconf.example')).toBe('devconf.example');
  });
});
