/**
 * The SMTP transport (nodemailer), built from SMTP_URL, e.g. smtps://user:pass@smtp.example.org:465 or
 * smtp://127.0.0.1:2525. Short timeouts: a message whose server hangs is retried, not left claimed.
 */
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "~/utils/env.server";
import type { Db } from "~/utils/db.server";
import { sendPendingEmail, type EmailTransport } from "./outbox.server";

export function smtpTransport(url: string): EmailTransport {
  const options = { url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as SMTPTransport.Options;
  const transport = nodemailer.createTransport(options);
  return {
    sendMail: (message) => transport.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true }),
  };
}

/**
 * Starts the periodic sender when SMTP_URL is set (every `intervalMs`); returns a stop function.
 * Each app server may run one: claims make sure every message is sent once.
 */
export function startEmailSender(db: () => Db, intervalMs = 30_000): () => void {
  const url = env().SMTP_URL;
  if (!url) return () => {};
  const transport = smtpTransport(url);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendPendingEmail(db(), transport)
      .catch((error: unknown) => console.error("Email sender:", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
