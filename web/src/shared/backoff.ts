/**
 * Reconnect delays: exponential from `first` to `max`, each drawn at random from its upper half,
 * so a gateway restart isn't met by every client at the same instant.
 */
export function backoffDelay(attempt: number, first = 500, max = 15000, random: () => number = Math.random): number {
  const ceiling = Math.min(max, first * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
