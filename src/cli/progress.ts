/** A one-line progress counter on stderr, redrawn in place; only ever used on a terminal. */
import type { OutputStream } from './io';

export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

export function terminalProgress(stream: OutputStream, label: string): Progress {
  let shown = false;
  return {
    update(done, total) {
      stream.write(`\r\u001b[2K${label} ${done}/${total} files`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
