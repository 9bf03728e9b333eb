/**
 * The receiving ends of notices, real and local: an SMTP server (the
 * `smtp-server` package; every message parsed with `mailparser`) and an
 * HTTP receiver standing in for an SMS provider. Both can be stopped and
 * started again on the same port, as a provider that is down for a while.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { NotifySettings } from '../../runtime/notify/index.js';

export type SmtpPeer = {
  port: number;
  url: string;
  received: ParsedMail[];
  /** The envelope recipients of each message, in order. */
  recipients: string[][];
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startSmtpPeer(): Promise<SmtpPeer> {
  let server: SMTPServer | undefined;
  const received: ParsedMail[] = [];
  const recipients: string[][] = [];
  let port = 0;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            recipients.push(session.envelope.rcptTo.map((r) => r.address));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    recipients,
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start,
  };
}

export type SmsRequest = {
  headers: Record<string, string | string[] | undefined>;
  body: { to: string; text: string; reference: string };
  /** What the receiver answered. */
  status: number;
};

export type SmsPeer = {
  url: string;
  received: SmsRequest[];
  /** Answers every request with this status (200 by default), e.g. 503 while "down". */
  answer: number;
  /** Messages accepted (a 2xx answer): one per Idempotency-Key, as a provider that honours it. */
  accepted(): SmsRequest[];
  stop(): Promise<void>;
};

export async function startSmsPeer(): Promise<SmsPeer> {
  const received: SmsRequest[] = [];
  const peer = { answer: 200 } as SmsPeer;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        received.push({
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          status: peer.answer,
        });
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(peer.answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(peer, {
    url: `http://127.0.0.1:${port}/v1/messages`,
    received,
    accepted: () => {
      const seen = new Set<string>();
      return received.filter((r) => {
        if (r.status < 200 || r.status > 299) return false;
        const key = String(r.headers['idempotency-key']);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Notify settings for a test: email to `smtpUrl`, short waits; `over` changes any of them. */
export const notifySettings = (smtpUrl: string, over: Partial<NotifySettings> = {}): NotifySettings => ({
  smtp: { url: smtpUrl, from: 'noreply@voorbeeld.nl' },
  publicUrl: 'https://loket.voorbeeld.nl',
  maxAttempts: 3,
  backoffMs: 1000,
  backoffMaxMs: 10_000,
  digestMs: 3_600_000,
  confirmHours: 24,
  everyMs: 1000,
  ...over,
});
