/** ANSI styling that collapses to plain text when colour is off. */
export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  underline(text: string): string;
}

function style(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity = (text: string) => text;

export function painter(color: boolean): Painter {
  if (!color) {
    return { bold: identity, dim: identity, red: identity, yellow: identity, cyan: identity, green: identity, underline: identity };
  }
  return {
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
    green: style(32, 39),
    underline: style(4, 24),
  };
}
