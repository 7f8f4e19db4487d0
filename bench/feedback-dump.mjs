// Preloaded by bench/tenured-sites.mjs (`node --import`), with --allow-natives-syntax: when the
// measured run is over, prints every JavaScript function with its feedback vector (V8's
// `%DebugPrint`), so the addresses of allocation sites can be matched to the code that made them.
import { Session } from 'node:inspector/promises';

let dumped = false;
process.on('beforeExit', async () => {
  if (dumped) return;
  dumped = true;
  const session = new Session();
  session.connect();
  const { result: prototype } = await session.post('Runtime.evaluate', { expression: 'Function.prototype' });
  const { objects } = await session.post('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
  await session.post('Runtime.callFunctionOn', { functionDeclaration: 'function () { globalThis.__feedbackDumpFunctions = this; }', objectId: objects.objectId });
  session.disconnect();
  const debugPrint = new Function('f', '%DebugPrint(f)');
  for (const fn of globalThis.__feedbackDumpFunctions) {
    if (typeof fn !== 'function') continue;
    let source;
    try {
      source = Function.prototype.toString.call(fn);
    } catch {
      continue;
    }
    if (!source.includes('[native code]')) debugPrint(fn);
  }
});
