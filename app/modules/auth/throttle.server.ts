import type { Db } from "~/utils/db.server";

/** At most this many failed sign-ins per account and address in the window; then sign-in is refused. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

export type ThrottleState = { locked: false } | { locked: true; retryAfterMinutes: number };

export async function loginThrottle(db: Db, email: string, ipAddress: string, now = new Date()): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ipAddress, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess ? lastSuccess.createdAt : windowStart;
  const failures = await db.loginAttempt.findMany({
    where: { email, ipAddress, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return { locked: false };
  const oldestCounted = failures[failures.length - MAX_FAILURES]!.createdAt;
  const unlockAt = oldestCounted.getTime() + WINDOW_MINUTES * 60_000;
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
}

export async function recordLoginAttempt(db: Db, email: string, ipAddress: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ipAddress, succeeded } });
}
