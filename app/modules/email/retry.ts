/**
 * When the outbox tries a message again after a failure: 1, 5, 25 minutes, 2 and 10 hours; after the
 * sixth failed attempt the message is marked failed and shown to admins (Settings → Email).
 */
export const MAX_ATTEMPTS = 6;

const DELAYS_MINUTES = [1, 5, 25, 125, 625];

/** Delay in milliseconds before attempt `attempts + 1`, after `attempts` failed ones (1-based). */
export function retryDelayMs(attempts: number): number {
  const minutes = DELAYS_MINUTES[Math.min(Math.max(attempts, 1), DELAYS_MINUTES.length) - 1]!;
  return minutes * 60_000;
}

/** After a failed attempt: try again later, or give up. */
export function afterFailure(attempts: number, now: Date): { status: "queued"; nextAttemptAt: Date } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** A plausible single address (what a person types into a form); SMTP decides the rest. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value);
}

/** "Name <address>" or a bare address. */
export function isFromAddress(value: string): boolean {
  const match = /^(.*)<([^>]+)>$/.exec(value.trim());
  return match ? isEmailAddress(match[2]!.trim()) && !/[\r\n]/.test(match[1]!) : isEmailAddress(value.trim());
}

/** The outbox's statuses, as the admin page shows them. */
export const EMAIL_STATUS_LABELS: Record<string, string> = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed" };
