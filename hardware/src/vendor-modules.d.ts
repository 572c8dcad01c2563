// Minimal types for two libraries that pdfkit and qrcode bring along and that ship no typings.
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number });
    width: number;
    height: number;
    data: Buffer;
    static sync: {
      read(buffer: Buffer): PNG;
      write(
        png: PNG,
        options?: {
          /** 0 grey, 2 RGB, 4 grey + alpha, 6 RGBA (the default). */
          colorType?: 0 | 2 | 4 | 6;
          /** Layout of `data`; 6 (RGBA) unless told. */
          inputColorType?: 0 | 2 | 4 | 6;
          inputHasAlpha?: boolean;
          /** -1 tries all five per row (the default); 0-4 uses that one. */
          filterType?: -1 | 0 | 1 | 2 | 3 | 4;
        },
      ): Buffer;
    };
  }
}

declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    postscriptName: string;
  }
  export function openSync(path: string): Font | { fonts: Font[] };
}
