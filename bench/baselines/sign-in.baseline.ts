import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Baseline } from './baseline';

interface UserRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  password_hash: string;
  status: string;
}

/** Sign-in reduced to its essentials: look the user up, verify argon2id, store a hashed session, set the cookie. */
export const signInBaseline: Baseline = {
  name: 'sign-in',
  register(app, db) {
    app.post('/api/v1/auth/login', async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const user = await db.get<UserRow>(
        'select id, name, email, phone, locale, password_hash, status from users where email = ?',
        [email],
      );
      if (!user || user.status !== 'active' || !(await verify(user.password_hash, password))) {
        return reply.status(401).send({ error: { code: 'UNAUTHENTICATED' } });
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = new Date();
      await db.run(
        'insert into sessions (id, user_id, csrf_token, ip, user_agent, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          createHash('sha256').update(token).digest('hex'),
          user.id,
          csrfToken,
          request.ip,
          null,
          now.toISOString(),
          now.toISOString(),
          new Date(now.getTime() + 14 * 86_400_000).toISOString(),
        ],
      );
      void reply.header('set-cookie', `cds_session=${token}; Path=/; HttpOnly; SameSite=Lax`);
      return {
        user: { id: user.id, name: user.name, email: user.email, phone: user.phone, locale: user.locale },
        csrfToken,
      };
    });
  },
};
