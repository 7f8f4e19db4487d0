// Teardown hooks that must also run when the runner is interrupted (Ctrl-C, CI cancelling),
// so no code-server or Chromium outlives it.
const pending = new Set();
let installed = false;

/** Registers `fn`; returns a function that unregisters it. */
export function registerCleanup(fn) {
  installSignalHandlers();
  pending.add(fn);
  return () => pending.delete(fn);
}

function installSignalHandlers() {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      console.error(`\n[integration] ${signal} received: stopping servers and browsers`);
      await Promise.allSettled([...pending].map((fn) => fn()));
      process.exit(130);
    });
  }
}
