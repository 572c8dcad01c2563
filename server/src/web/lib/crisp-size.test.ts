import { crispSize } from './crisp-size.js';

describe('QR code size on screen', () => {
  it('is the largest whole number of pixels per module that fits', () => {
    expect(crispSize(278, 65)).toBe(260);
    expect(crispSize(278, 29)).toBe(261);
    expect(crispSize(260, 65)).toBe(260);
  });

  it('fills the room when the module count is unknown or larger than the room', () => {
    expect(crispSize(278.6, null)).toBe(278);
    expect(crispSize(40, 65)).toBe(40);
  });
});
