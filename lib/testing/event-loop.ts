/**
 * Watches the event loop while a test runs work beside it: a timer every `everyMs`, and the
 * longest time between two of its ticks — how long the loop was held (a frozen loop: seconds).
 */
export function watchEventLoop(everyMs = 10): { longestGap: () => number; stop: () => void } {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, everyMs);
  return { longestGap: () => longest, stop: () => clearInterval(ticker) };
}
