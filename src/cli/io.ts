/** The CLI's view of its process, so commands can run in tests without touching the real one. */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Colour on a terminal unless NO_COLOR or --no-color; FORCE_COLOR turns it on anywhere. */
export function wantsColor(stream: OutputStream, env: CliIo['env'], noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY;
}
