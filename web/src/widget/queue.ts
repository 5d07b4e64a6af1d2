import { duration } from '../shared/dom';

/**
 * The waiting customer's line: their place and, when the service can tell, the wait. No estimate
 * (null) means nobody can tell (every online agent is at capacity or none is online); zero means a
 * seat is free and the assignment is on its way.
 */
export function queueLine(position: number, waitSeconds: number | null | undefined): string {
  const place = position === 1 ? 'You are next in line' : `You are number ${position} in line`;
  if (waitSeconds == null) {
    return `${place}. We can't tell how long the wait will be yet.`;
  }
  if (waitSeconds <= 0) {
    return `${place} — an agent will be with you in a moment.`;
  }
  return `${place} — about ${duration(waitSeconds)}.`;
}
