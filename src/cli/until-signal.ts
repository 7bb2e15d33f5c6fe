/**
 * Resolves on the first SIGINT or SIGTERM. A second signal while shutting down ends the process at once,
 * for an operator who will not wait for the grace period.
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
}

/**
 * After a clean shutdown nothing should keep the process alive; a socket or timer something left open must
 * not hold it past the grace period either, so the exit is made sure of shortly after.
 */
export function exitSoon(code: number, ms = 1000): void {
  setTimeout(() => process.exit(code), ms).unref();
}
