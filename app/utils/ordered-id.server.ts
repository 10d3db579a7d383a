import { randomUUID } from "node:crypto";

/**
 * Ids for rows written in bulk (the lease-fee step's late charges and monitoring events, audit entries): UUID
 * version 7 (RFC 9562) — 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids made in the same
 * millisecond in order, then 62 random bits. As text they sort in the order they were made, so a batch of new rows
 * lands at the end of the table's primary-key index instead of on a random page of it: on a 10,000-lease portfolio
 * that made storing the step's 41,539 late charges ≈ 2.5 times cheaper in SQLite (docs/benchmarks.md). Same shape
 * and length as `randomUUID()`; unique as long as the random bits are (the counter only orders).
 */
let lastMs = 0;
let counter = 0;

export function timeOrderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    // 4,096 ids in one millisecond: borrow the next millisecond (the clock catches up)
    if (counter > 0xfff) [ms, counter] = [ms + 1, 0];
  } else counter = 0;
  lastMs = ms;
  const time = ms.toString(16).padStart(12, "0");
  // randomUUID's last 17 characters: the variant nibble (8–b) and 62 random bits, as version 7 wants them
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, "0")}-${randomUUID().slice(19)}`;
}
