/** IPv4 CIDR arithmetic (cidrsubnet, cidrhost, cidrnetmask); IPv6 prefixes stay unknown. */
import { Unknown, type TfValue } from '../../types';
import { int, str } from './args';
import { fail, type FunctionTable } from './spec';

interface Ipv4Prefix {
  /** The address as an unsigned 32-bit number. */
  address: number;
  length: number;
}

const IPV6_UNSUPPORTED = 'IPv6 CIDR arithmetic is not evaluated statically';

function parsePrefix(text: string): Ipv4Prefix | Unknown {
  if (text.includes(':')) return new Unknown(IPV6_UNSUPPORTED);
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return fail(`"${text}" is not a CIDR prefix`);
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((o) => o > 255) || length > 32) return fail(`"${text}" is not a CIDR prefix`);
  return { address: octets.reduce((acc, o) => acc * 256 + o, 0), length };
}

function networkOf(prefix: Ipv4Prefix): number {
  const hostSize = 2 ** (32 - prefix.length);
  return Math.floor(prefix.address / hostSize) * hostSize;
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

function withPrefix(text: TfValue, compute: (prefix: Ipv4Prefix) => TfValue): TfValue {
  const prefix = parsePrefix(str(text, 'prefix'));
  return prefix instanceof Unknown ? prefix : compute(prefix);
}

export const networkFunctions: FunctionTable = {
  cidrsubnet: {
    minArgs: 3,
    maxArgs: 3,
    impl: ([p, bits, num]) =>
      withPrefix(p, (prefix) => {
        const newBits = int(bits, 'newbits');
        const netNum = int(num, 'netnum');
        const length = prefix.length + newBits;
        if (newBits < 0 || length > 32) fail(`cannot extend a /${prefix.length} prefix by ${newBits} bits`);
        if (netNum < 0 || netNum >= 2 ** newBits) fail(`netnum ${netNum} does not fit in ${newBits} bits`);
        return `${formatAddress(networkOf(prefix) + netNum * 2 ** (32 - length))}/${length}`;
      }),
  },
  cidrhost: {
    minArgs: 2,
    maxArgs: 2,
    impl: ([p, num]) =>
      withPrefix(p, (prefix) => {
        const size = 2 ** (32 - prefix.length);
        const host = int(num, 'hostnum');
        const offset = host < 0 ? size + host : host;
        if (offset < 0 || offset >= size) fail(`host number ${host} is outside the prefix`);
        return formatAddress(networkOf(prefix) + offset);
      }),
  },
  cidrnetmask: {
    minArgs: 1,
    maxArgs: 1,
    impl: ([p]) => withPrefix(p, (prefix) => formatAddress(2 ** 32 - 2 ** (32 - prefix.length))),
  },
};
