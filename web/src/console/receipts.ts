/** What an agent's last message says about its reading: who saw it and when, or that it arrived. */

export interface Mark {
  lastDeliveredSeq: number;
  lastReadSeq: number;
}

/**
 * "Seen by Alice at 10:42" when others have read through `seq` (the latest of their read times,
 * where known), "Delivered" when only a device of theirs has it, "Sent" before that.
 */
export function receipt(seq: number, reads: Map<string, Mark>, me: string, readAt: Map<string, string>,
                        name: (userId: string) => string, at: (iso: string) => string): string {
  const others = [...reads].filter(([user]) => user !== me);
  const seenBy = others.filter(([, mark]) => mark.lastReadSeq >= seq).map(([user]) => user);
  if (seenBy.length) {
    const times = seenBy.map((user) => readAt.get(user)).filter((t): t is string => !!t).sort();
    const latest = times[times.length - 1];
    return `Seen by ${seenBy.map(name).join(', ')}${latest ? ` at ${at(latest)}` : ''}`;
  }
  return others.some(([, mark]) => mark.lastDeliveredSeq >= seq) ? 'Delivered' : 'Sent';
}

/** Who reacted, by name, the reader first as "you". */
export function reactorNames(userIds: string[], me: string, name: (userId: string) => string): string {
  const ordered = [...userIds.filter((u) => u === me), ...userIds.filter((u) => u !== me)];
  return ordered.map((u) => (u === me ? 'you' : name(u))).join(', ');
}
