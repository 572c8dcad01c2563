// Minimal types for two libraries that pdfkit and qrcode bring along and that ship no typings.
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number });
    width: number;
    height: number;
    data: Buffer;
    static sync: {
      read(buffer: Buffer): PNG;
      write(png: PNG): Buffer;
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
