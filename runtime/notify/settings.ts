/**
 * How notices leave Omslag (runtime/notify): email over SMTP, SMS through
 * an HTTP provider, how often a failed delivery is tried again. Read from
 * the environment by runtime/config.ts; the README lists the variables.
 */
export type NotifySettings = {
  /** SMTP: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`; none: no email. */
  smtp?: { url: string; from: string };
  /** SMS: the provider's HTTPS endpoint and its bearer token; none: no SMS. */
  sms?: { url: string; token?: string };
  /** The address citizens and staff reach Omslag at, for the links in notices. */
  publicUrl: string;
  /** Attempts before a delivery is a dead letter (an admin can retry it). */
  maxAttempts: number;
  /** The wait after the first failure; doubles each time up to `backoffMaxMs`. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Staff get new tasks in a digest per team, once per window of this length. */
  digestMs: number;
  /** How long a link to confirm an email address works. */
  confirmHours: number;
  /** How often the worker looks for work. */
  everyMs: number;
};

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not '${raw}'`);
  return n;
}

function parseUrl(name: string, raw: string, protocols: RegExp, example: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    /* reported below */
  }
  if (!url || !protocols.test(url.protocol)) throw new Error(`${name} must be a URL such as ${example}`);
  return url;
}

export function readNotifySettings(
  env: NodeJS.ProcessEnv,
  publicUrl: string | undefined,
  port: number,
): NotifySettings {
  const settings: NotifySettings = {
    publicUrl: (publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    maxAttempts: whole(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1),
    backoffMs: whole(env, 'NOTIFY_BACKOFF_SECONDS', 30, 1) * 1000,
    backoffMaxMs: whole(env, 'NOTIFY_BACKOFF_MAX_SECONDS', 3600, 1) * 1000,
    digestMs: whole(env, 'NOTIFY_DIGEST_MINUTES', 60, 1) * 60_000,
    confirmHours: whole(env, 'NOTIFY_CONFIRM_HOURS', 24, 1),
    everyMs: whole(env, 'NOTIFY_INTERVAL_MS', 5000, 50),
  };
  const smtp = env.SMTP_URL?.trim();
  if (smtp) {
    parseUrl('SMTP_URL', smtp, /^smtps?:$/, 'smtp://user:password@mail.example.nl:587 or smtps://…:465');
    const from = env.MAIL_FROM?.trim();
    if (!from || !/^[^\s<>@]+@[^\s<>@]+$|^[^<>]*<[^\s<>@]+@[^\s<>@]+>$/.test(from))
      throw new Error(
        `SMTP_URL is set: set MAIL_FROM too, the sender's address, e.g. "Gemeente Voorbeeld <noreply@voorbeeld.nl>"`,
      );
    settings.smtp = { url: smtp, from };
  }
  const sms = env.SMS_URL?.trim();
  if (sms) {
    parseUrl('SMS_URL', sms, /^https?:$/, 'https://sms.example.nl/v1/messages');
    settings.sms = { url: sms, token: env.SMS_TOKEN?.trim() || undefined };
  }
  if (settings.backoffMaxMs < settings.backoffMs)
    throw new Error('NOTIFY_BACKOFF_MAX_SECONDS must be at least NOTIFY_BACKOFF_SECONDS');
  return settings;
}

/** The wait before attempt `attempts + 1` after `attempts` failures: doubling, capped, with a little jitter. */
export function backoff(settings: Pick<NotifySettings, 'backoffMs' | 'backoffMaxMs'>, attempts: number): number {
  const base = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}
