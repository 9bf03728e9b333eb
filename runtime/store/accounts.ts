import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from './db.js';

export type Role = 'designer' | 'official' | 'admin';
export type User = { id: number; name: string; role: Role; teams: string[] };
/** Who is asking: a user with a role, or a citizen identified by BSN. */
export type Principal = ({ kind: 'user' } & User) | { kind: 'citizen'; bsn: string };

/** Tokens are stored as SHA-256 hashes: a stolen database gives no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// On libuv's thread pool: a flood of sign-ins waits there, not on the event loop (~26 ms each in line).
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const NO_SALT = Buffer.alloc(16);

export function accountRepo(db: Db) {
  const toUser = (r: any): User => ({ id: r.id, name: r.name, role: r.role, teams: JSON.parse(r.teams) });
  return {
    addUser(name: string, role: Role, teams: string[], at: string): User {
      const info = db
        .prepare('INSERT INTO users (name, role, teams, created_at) VALUES (?, ?, ?, ?)')
        .run(name, role, JSON.stringify(teams), at);
      return { id: Number(info.lastInsertRowid), name, role, teams };
    },
    userByName(name: string): User | undefined {
      const r = db.prepare('SELECT * FROM users WHERE name = ?').get(name);
      return r ? toUser(r) : undefined;
    },
    userById(id: number): User | undefined {
      const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id);
      return r ? toUser(r) : undefined;
    },
    countUsers(): number {
      return db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
    },
    /** Creates a bearer token for a user or a citizen; the plain token is returned once. */
    createToken(owner: { userId: number } | { bsn: string }, at: string): string {
      const token = `oms_${randomBytes(24).toString('base64url')}`;
      db.prepare('INSERT INTO tokens (hash, user_id, bsn, created_at) VALUES (?, ?, ?, ?)').run(
        hashToken(token),
        'userId' in owner ? owner.userId : null,
        'bsn' in owner ? owner.bsn : null,
        at,
      );
      return token;
    },
    /**
     * Stores a password as scrypt(salt) — never the password itself.
     * Synchronous: only the CLI and first-start setup set passwords, never a request.
     */
    setPassword(userId: number, password: string): void {
      if (password.length < 10) throw new Error('a password has at least 10 characters');
      const salt = randomBytes(16);
      const hash = scryptSync(password, salt, 32);
      db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(
        `scrypt:${salt.toString('base64')}:${hash.toString('base64')}`,
        userId,
      );
    },
    /**
     * The user if the password matches (in constant time), else undefined.
     * A name without a user (or without a password) costs one scrypt all the
     * same, so the time of the answer does not tell which names exist.
     */
    async checkPassword(name: string, password: string): Promise<User | undefined> {
      const r = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as any;
      const [scheme, salt, hash] = String(r?.password_hash ?? '').split(':');
      const known = scheme === 'scrypt';
      const expected = known ? Buffer.from(hash, 'base64') : Buffer.alloc(32);
      const actual = await scryptAsync(password, known ? Buffer.from(salt, 'base64') : NO_SALT, 32);
      return known && expected.length === actual.length && timingSafeEqual(expected, actual) ? toUser(r) : undefined;
    },
    teamMembers(team: string): User[] {
      return (db.prepare("SELECT * FROM users WHERE role = 'official' ORDER BY name").all() as any[])
        .map(toUser)
        .filter((u) => u.teams.includes(team));
    },
    principalForToken(token: string): Principal | undefined {
      const r = db.prepare('SELECT user_id, bsn FROM tokens WHERE hash = ?').get(hashToken(token)) as
        { user_id: number | null; bsn: string | null } | undefined;
      if (!r) return undefined;
      if (r.bsn) return { kind: 'citizen', bsn: r.bsn };
      const user = this.userById(r.user_id!);
      return user ? { kind: 'user', ...user } : undefined;
    },
  };
}
