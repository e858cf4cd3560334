import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { adminCreateUser, adminUpdateUser, adminUserBody, softDeleteUser } from '../admin-accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { deleteFactor, findFactor, listFactors } from '../db/factors.ts';
import { transaction } from '../db/pool.ts';
import { countUsers, deleteUser, findUserById, listUsers, type UserRow } from '../db/users.ts';
import { isUuid, requireAdmin, type AuthEnv } from '../http/authenticate.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { clientIp, flag, readJson, readOptionalJson } from '../http/request.ts';
import { factorJson, loadUserJson, usersJson } from '../user-json.ts';

const deleteBody = z.object({ should_soft_delete: flag() });

function pageParameter(value: string | undefined, fallback: number, name: string): number {
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw badRequest('validation_failed', `Bad Pagination Parameters: ${name} must be a positive integer`);
  }
  return Number(value);
}

/** `Link` with `page` first: auth-js reads the page number right after the first `=`. */
function paginationHeaders(c: Context, page: number, perPage: number, total: number) {
  const lastPage = Math.ceil(total / perPage);
  const extra = new URLSearchParams(c.req.query());
  extra.delete('page');
  extra.delete('per_page');
  const tail = extra.size ? `&${extra}` : '';
  const link = (target: number) => `</admin/users?page=${target}&per_page=${perPage}${tail}>`;
  const links = page < lastPage ? [`${link(page + 1)}; rel="next"`] : [];
  links.push(`${link(lastPage)}; rel="last"`);
  return { Link: links.join(', '), 'X-Total-Count': String(total) };
}

async function loadTargetUser(ctx: AuthContext, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(ctx.pool, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

/** The admin API (service_role): users CRUD with pagination headers and their MFA factors. */
export function adminUserRoutes(ctx: AuthContext) {
  const app = new Hono<AuthEnv>();
  // '/admin/users/*' also matches '/admin/users' itself.
  app.use('/admin/users/*', requireAdmin(ctx));

  app.get('/admin/users', async (c) => {
    const page = pageParameter(c.req.query('page'), 1, 'page');
    const perPage = pageParameter(c.req.query('per_page'), 50, 'per_page');
    const filter = c.req.query('filter') ?? '';
    const [users, total] = await Promise.all([
      listUsers(ctx.pool, { offset: (page - 1) * perPage, limit: perPage, filter }),
      countUsers(ctx.pool, filter),
    ]);
    const body = { users: await usersJson(ctx.pool, users), aud: ctx.settings.audience };
    return c.json(body, 200, paginationHeaders(c, page, perPage, total));
  });

  app.post('/admin/users', async (c) => {
    const body = await readJson(c, adminUserBody);
    const user = await transaction(ctx.pool, async (tx) => {
      return loadUserJson(tx, await adminCreateUser(tx, ctx, c.get('admin'), body, clientIp(c)));
    });
    return c.json(user);
  });

  app.get('/admin/users/:id', async (c) => c.json(await loadUserJson(ctx.pool, await loadTargetUser(ctx, c.req.param('id')))));

  app.put('/admin/users/:id', async (c) => {
    const target = await loadTargetUser(ctx, c.req.param('id'));
    const body = await readJson(c, adminUserBody);
    const user = await transaction(ctx.pool, async (tx) => {
      return loadUserJson(tx, await adminUpdateUser(tx, ctx, c.get('admin'), target, body, clientIp(c)));
    });
    return c.json(user);
  });

  app.delete('/admin/users/:id', async (c) => {
    const target = await loadTargetUser(ctx, c.req.param('id'));
    const { should_soft_delete: soft } = await readOptionalJson(c, deleteBody);
    await transaction(ctx.pool, async (tx) => {
      const traits = { user_id: target.id, user_email: target.email, user_phone: target.phone };
      await audit(tx, c.get('admin'), 'user_deleted', clientIp(c), traits);
      if (!soft) await deleteUser(tx, target.id);
      else if (!target.deleted_at) await softDeleteUser(tx, target);
    });
    return c.json({});
  });

  app.get('/admin/users/:id/factors', async (c) => {
    const user = await loadTargetUser(ctx, c.req.param('id'));
    return c.json((await listFactors(ctx.pool, [user.id])).map(factorJson));
  });

  app.delete('/admin/users/:id/factors/:factorId', async (c) => {
    const user = await loadTargetUser(ctx, c.req.param('id'));
    const factorId = c.req.param('factorId');
    if (!isUuid(factorId)) throw notFound('validation_failed', 'factor_id must be an UUID');
    const factor = await findFactor(ctx.pool, user.id, factorId);
    if (!factor) throw notFound('mfa_factor_not_found', 'Factor not found');
    await transaction(ctx.pool, async (tx) => {
      await audit(tx, user, 'factor_deleted', clientIp(c), { user_id: user.id, factor_id: factor.id });
      await deleteFactor(tx, factor);
    });
    return c.json(factorJson(factor));
  });

  return app;
}
