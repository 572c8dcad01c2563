/**
 * HID keyboard usage ids (Usage Page 0x07) → characters, per host keyboard layout.
 * A keyboard-wedge scanner "types" on the layout it was configured for; ours must match it.
 * Each entry is [plain, shift, altGr?].
 */
export type KeyChars = readonly [string, string, string?];
export type KeyboardLayout = Readonly<Record<number, KeyChars>>;

/** Usage ids of the keys that end a scan rather than type a character. */
export const USAGE_ENTER = 0x28;
export const USAGE_KEYPAD_ENTER = 0x58;
export const USAGE_TAB = 0x2b;

function letters(order: string): Record<number, KeyChars> {
  const map: Record<number, KeyChars> = {};
  for (let i = 0; i < 26; i++) {
    const c = order[i] ?? '';
    map[0x04 + i] = [c, c.toUpperCase()];
  }
  return map;
}

/** Keypad (0x54-0x63) types the same on every layout with NumLock on, as scanners assume. */
const KEYPAD: Record<number, KeyChars> = {
  0x54: ['/', '/'],
  0x55: ['*', '*'],
  0x56: ['-', '-'],
  0x57: ['+', '+'],
  0x59: ['1', '1'],
  0x5a: ['2', '2'],
  0x5b: ['3', '3'],
  0x5c: ['4', '4'],
  0x5d: ['5', '5'],
  0x5e: ['6', '6'],
  0x5f: ['7', '7'],
  0x60: ['8', '8'],
  0x61: ['9', '9'],
  0x62: ['0', '0'],
  0x63: ['.', '.'],
};

export const US_LAYOUT: KeyboardLayout = {
  ...letters('abcdefghijklmnopqrstuvwxyz'),
  0x1e: ['1', '!'],
  0x1f: ['2', '@'],
  0x20: ['3', '#'],
  0x21: ['4', '$'],
  0x22: ['5', '%'],
  0x23: ['6', '^'],
  0x24: ['7', '&'],
  0x25: ['8', '*'],
  0x26: ['9', '('],
  0x27: ['0', ')'],
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x32: ['#', '~'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
  ...KEYPAD,
};

/** German QWERTZ (Y and Z swapped, AltGr for @ { [ ] } \ ~ |). */
export const DE_LAYOUT: KeyboardLayout = {
  ...letters('abcdefghijklmnopqrstuvwxzy'),
  0x14: ['q', 'Q', '@'],
  0x1e: ['1', '!'],
  0x1f: ['2', '"', '²'],
  0x20: ['3', '§', '³'],
  0x21: ['4', '$'],
  0x22: ['5', '%'],
  0x23: ['6', '&'],
  0x24: ['7', '/', '{'],
  0x25: ['8', '(', '['],
  0x26: ['9', ')', ']'],
  0x27: ['0', '=', '}'],
  0x2c: [' ', ' '],
  0x2d: ['ß', '?', '\\'],
  0x2e: ['´', '`'],
  0x2f: ['ü', 'Ü'],
  0x30: ['+', '*', '~'],
  0x31: ['#', "'"],
  0x32: ['#', "'"],
  0x33: ['ö', 'Ö'],
  0x34: ['ä', 'Ä'],
  0x35: ['^', '°'],
  0x36: [',', ';'],
  0x37: ['.', ':'],
  0x38: ['-', '_'],
  0x64: ['<', '>', '|'],
  ...KEYPAD,
};

/** French AZERTY: digits need shift, which is why mis-set scanners type "&é"(-è_çà" for 1234567890. */
export const FR_LAYOUT: KeyboardLayout = {
  ...letters('abcdefghijklmnopqrstuvwxyz'),
  0x04: ['q', 'Q'],
  0x14: ['a', 'A'],
  0x1a: ['z', 'Z'],
  0x1d: ['w', 'W'],
  0x10: [',', '?'],
  0x1e: ['&', '1'],
  0x1f: ['é', '2', '~'],
  0x20: ['"', '3', '#'],
  0x21: ["'", '4', '{'],
  0x22: ['(', '5', '['],
  0x23: ['-', '6', '|'],
  0x24: ['è', '7', '`'],
  0x25: ['_', '8', '\\'],
  0x26: ['ç', '9', '^'],
  0x27: ['à', '0', '@'],
  0x2c: [' ', ' '],
  0x2d: [')', '°', ']'],
  0x2e: ['=', '+', '}'],
  0x2f: ['^', '¨'],
  0x30: ['$', '£', '¤'],
  0x31: ['*', 'µ'],
  0x32: ['*', 'µ'],
  0x33: ['m', 'M'],
  0x34: ['ù', '%'],
  0x36: [';', '.'],
  0x37: [':', '/'],
  0x38: ['!', '§'],
  0x64: ['<', '>'],
  ...KEYPAD,
};

export const KEYBOARD_LAYOUTS: Readonly<Record<string, KeyboardLayout>> = {
  us: US_LAYOUT,
  de: DE_LAYOUT,
  fr: FR_LAYOUT,
};

export function keyboardLayout(name: string): KeyboardLayout {
  const layout = KEYBOARD_LAYOUTS[name.toLowerCase()];
  if (!layout) throw new RangeError(`unknown keyboard layout "${name}" (known: us, de, fr)`);
  return layout;
}
