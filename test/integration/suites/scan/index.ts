import { runMochaSuite } from '../../lib/mocha-runner';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
