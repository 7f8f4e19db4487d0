/**
 * Functions whose result depends on the machine or the moment `terraform plan` runs. The linter
 * must not read the user's files on its own or pretend to know a timestamp, so these are Unknown.
 */
import { Unknown } from '../../types';
import type { FunctionTable } from './spec';

const reads = (): Unknown => new Unknown('reads a file at plan time');
const varies = (what: string) => (): Unknown => new Unknown(`${what} is only known when terraform runs`);

const FILE_FUNCTIONS = ['file', 'filebase64', 'filebase64sha256', 'filebase64sha512', 'filemd5', 'filesha1', 'filesha256', 'filesha512', 'fileexists', 'fileset', 'templatefile'];
const DIGESTS = ['md5', 'sha1', 'sha256', 'sha512', 'base64sha256', 'base64sha512', 'bcrypt', 'uuidv5'];
const MACHINE = ['abspath', 'pathexpand'];

export const planTimeFunctions: FunctionTable = {
  ...Object.fromEntries(FILE_FUNCTIONS.map((name) => [name, { minArgs: 0, unknowns: 'self' as const, impl: reads }])),
  ...Object.fromEntries(DIGESTS.map((name) => [name, { minArgs: 0, unknowns: 'self' as const, impl: () => new Unknown(`${name}() is not computed by the linter`) }])),
  ...Object.fromEntries(MACHINE.map((name) => [name, { minArgs: 0, unknowns: 'self' as const, impl: varies(`the result of ${name}()`) }])),
  timestamp: { minArgs: 0, maxArgs: 0, unknowns: 'self', impl: varies('timestamp()') },
  plantimestamp: { minArgs: 0, maxArgs: 0, unknowns: 'self', impl: varies('plantimestamp()') },
  uuid: { minArgs: 0, maxArgs: 0, unknowns: 'self', impl: varies('uuid()') },
};
