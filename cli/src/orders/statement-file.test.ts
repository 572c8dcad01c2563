import { parseAmount } from './statement-file.js';

describe('amounts as banks write them', () => {
  it.each([
    ['98.00', 9800],
    ['98,00', 9800],
    ['98', 9800],
    ['98,5', 9850],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1234', 123400],
    ['-49,00 EUR', -4900],
    ['+98.00', 9800],
    ['€ 98.00', 9800],
    ['', 0],
  ])('%s is %d cents', (text, cents) => {
    expect(parseAmount(text)).toBe(cents);
  });

  it.each(['abc', '12.34.5,6,7', '1,2,3', '--5'])('%s is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});
