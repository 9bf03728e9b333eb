import { describe, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { maskPassword, readConfig, readSupervisorConfig } from '../../runtime/config.js';
import { defaultLimits } from '../../runtime/http/limits.js';

describe('settings (runtime/config.ts)', () => {
  test('limits against guessing: defaults, settings, and refusals that name the setting', () => {
    expect(readConfig({}).limits).toEqual(defaultLimits);
    expect(
      readConfig({
        SIGNIN_LIMIT_PER_ADDRESS: '200',
        SIGNIN_WINDOW_MINUTES: '5',
        SIGNIN_LOCK_AFTER: '3',
        SIGNIN_LOCK_SECONDS: '30',
        SIGNIN_LOCK_MAX_SECONDS: '3600',
        TOKEN_FAILURES_PER_MINUTE: '20',
        SIGNIN_STARTS_PER_ADDRESS: '30',
      }).limits,
    ).toEqual({
      signInPerAddress: 200,
      signInWindowMs: 300_000,
      lockAfter: 3,
      lockMs: 30_000,
      lockMaxMs: 3_600_000,
      tokenFailuresPerAddress: 20,
      tokenWindowMs: 60_000,
      signInStartsPerAddress: 30,
    });
    expect(() => readConfig({ SIGNIN_LOCK_AFTER: '0' })).toThrow(
      /SIGNIN_LOCK_AFTER must be a whole number of at least 1, not '0'/,
    );
    expect(() => readConfig({ SIGNIN_LIMIT_PER_ADDRESS: 'many' })).toThrow(/SIGNIN_LIMIT_PER_ADDRESS/);
    expect(() => readConfig({ SIGNIN_LOCK_SECONDS: '600', SIGNIN_LOCK_MAX_SECONDS: '60' })).toThrow(
      /SIGNIN_LOCK_MAX_SECONDS must be at least SIGNIN_LOCK_SECONDS/,
    );
  });

  test('notices: no email or SMS by default; SMTP needs a sender; bad URLs and numbers name the setting', () => {
    const none = readConfig({}).notify;
    expect(none).toMatchObject({
      maxAttempts: 8,
      backoffMs: 30_000,
      backoffMaxMs: 3_600_000,
      publicUrl: 'http://localhost:3000',
    });
    expect(none.smtp).toBeUndefined();
    expect(none.sms).toBeUndefined();
    const set = readConfig({
      SMTP_URL: 'smtp://u:p@mail.example.nl:587',
      MAIL_FROM: 'Gemeente <noreply@example.nl>',
      SMS_URL: 'https://sms.example.nl/v1',
      SMS_TOKEN: 't',
      NOTIFY_MAX_ATTEMPTS: '3',
    }).notify;
    expect(set).toMatchObject({ smtp: { from: 'Gemeente <noreply@example.nl>' }, sms: { token: 't' }, maxAttempts: 3 });
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.nl' })).toThrow(/MAIL_FROM/);
    expect(() => readConfig({ SMTP_URL: 'http://mail.example.nl', MAIL_FROM: 'a@b.nl' })).toThrow(/SMTP_URL/);
    expect(() => readConfig({ SMS_URL: 'ftp://x' })).toThrow(/SMS_URL/);
    expect(() => readConfig({ NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
    expect(() => readConfig({ NOTIFY_BACKOFF_SECONDS: '60', NOTIFY_BACKOFF_MAX_SECONDS: '10' })).toThrow(
      /NOTIFY_BACKOFF_MAX_SECONDS/,
    );
  });

  test('TRUST_PROXY: off by default; a hop count, true, or addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  test('the store: the SQLite file in DATA_DIR, or PostgreSQL from DATABASE_URL with its pool size', () => {
    expect(readConfig({ DATA_DIR: '/srv/omslag' }).database).toEqual({
      dialect: 'sqlite',
      target: join(resolve('/srv/omslag'), 'omslag.db'),
      shown: join(resolve('/srv/omslag'), 'omslag.db'),
      poolSize: 10,
    });
    const url = 'postgres://omslag:geheim@db.example:5432/omslag';
    expect(readConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' }).database).toEqual({
      dialect: 'postgres',
      target: url,
      shown: 'postgres://omslag:***@db.example:5432/omslag',
      poolSize: 4,
    });
    expect(() => readConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
    // A wrong URL is named without its password.
    const wrong = () => readConfig({ DATABASE_URL: 'mysql://omslag:geheim@db/omslag' });
    expect(wrong).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(wrong).not.toThrow(/geheim/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://omslag:geheim@db' })).toThrow(/DATABASE_URL names no database/);
  });

  test('passwords of database URLs are masked, also in a URL that does not parse and in a parameter', () => {
    expect(maskPassword('postgres://u:geheim@h/db')).toBe('postgres://u:***@h/db');
    expect(maskPassword('postgres://u:ge@heim@h/db')).toBe('postgres://u:***@h/db');
    expect(maskPassword('postgres://u:[x@h/db')).toBe('postgres://u:***@h/db');
    expect(maskPassword('postgres://u@h/db?sslmode=require&password=geheim')).toBe(
      'postgres://u@h/db?sslmode=require&password=***',
    );
    expect(maskPassword('/var/lib/omslag/omslag.db')).toBe('/var/lib/omslag/omslag.db');
  });

  test('NODE_ID: hostname:pid by default; refused with spaces', () => {
    expect(readConfig({}).nodeId).toMatch(new RegExp(`:${process.pid}$`));
    expect(readConfig({ NODE_ID: 'web-1' }).nodeId).toBe('web-1');
    expect(() => readConfig({ NODE_ID: 'web 1' })).toThrow(/NODE_ID/);
  });

  test('TIMER_LEASE_MS: 30 s by default, at least a second', () => {
    expect(readConfig({}).timerLeaseMs).toBe(30_000);
    expect(readConfig({ TIMER_LEASE_MS: '3000' }).timerLeaseMs).toBe(3000);
    expect(() => readConfig({ TIMER_LEASE_MS: '10' })).toThrow(
      /TIMER_LEASE_MS must be a whole number of at least 1000/,
    );
  });

  test('the supervisor: restart backoff and stop timeout', () => {
    expect(readSupervisorConfig({})).toEqual({
      backoffMs: 500,
      backoffMaxMs: 30_000,
      stableMs: 60_000,
      stopTimeoutMs: 15_000,
    });
    expect(readSupervisorConfig({ SUPERVISOR_BACKOFF_MS: '2000', SUPERVISOR_BACKOFF_MAX_MS: '1000' })).toMatchObject({
      backoffMs: 2000,
      backoffMaxMs: 2000,
    });
    expect(() => readSupervisorConfig({ SUPERVISOR_BACKOFF_MS: '-1' })).toThrow(/SUPERVISOR_BACKOFF_MS/);
  });
});
