/** A progress line redrawn in place on a terminal, at most ten times a second. */
export function progressLine(stream: NodeJS.WriteStream): {
  update(text: string): void;
  done(): void;
} {
  let last = 0;
  let drawn = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
