import nodemailer from 'nodemailer';
import type { NotifySettings } from './settings.js';

/** An email to send; `id` makes the Message-ID, the same on every attempt. */
export type OutgoingEmail = { id: string; to: string; subject: string; text: string; html: string; lang: string };
/** An SMS to send; `id` is the provider's idempotency key, the same on every attempt. */
export type OutgoingSms = { id: string; to: string; text: string };

/** How notices leave: each throws when the other side did not take the message. */
export type Transports = {
  email?: { send(mail: OutgoingEmail): Promise<void>; close(): void };
  sms?: { send(sms: OutgoingSms): Promise<void> };
};

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Email over SMTP with nodemailer. The Message-ID is the delivery's own
 * (`<delivery-ID@host>`): a retry after a crash between the server's
 * acceptance and our record of it carries the same ID, which mail systems
 * use to drop the copy.
 */
export function smtpTransport(smtp: NonNullable<NotifySettings['smtp']>): NonNullable<Transports['email']> {
  const url = new URL(smtp.url);
  for (const [key, value] of Object.entries(TIMEOUTS))
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  const transport = nodemailer.createTransport(url.toString());
  const domain = /<?[^\s<>@]+@([^\s<>@]+?)>?$/.exec(smtp.from)?.[1] ?? 'omslag.local';
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${domain}>`,
        headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}

/**
 * SMS through the provider's HTTP API: `POST SMS_URL` with JSON
 * `{ "to": "+316…", "text": "…", "reference": "delivery-ID" }`, the header
 * `Idempotency-Key: delivery-ID` (the same on every attempt, so the
 * provider sends a retried message once) and `Authorization: Bearer
 * SMS_TOKEN`. Any 2xx answer is sent; anything else, or no answer within
 * 15 seconds, is a failed attempt.
 */
export function httpSmsTransport(sms: NonNullable<NotifySettings['sms']>): NonNullable<Transports['sms']> {
  return {
    async send(message) {
      const response = await fetch(sms.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          ...(sms.token ? { authorization: `Bearer ${sms.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, text: message.text, reference: message.id }),
        signal: AbortSignal.timeout(15_000),
        redirect: 'error',
      });
      // Read (and drop) the answer so the connection is freed.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`the SMS provider answered ${response.status}`);
    },
  };
}

export function transportsFrom(settings: NotifySettings): Transports {
  return {
    email: settings.smtp ? smtpTransport(settings.smtp) : undefined,
    sms: settings.sms ? httpSmsTransport(settings.sms) : undefined,
  };
}
