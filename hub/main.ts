/**
 * `npm run hub`: starts the unit hub on 127.0.0.1 at `PORT` (default 8787) — on PostgreSQL when
 * `DATABASE_URL` is set, else on PGlite in `HUB_DATA` (default `hub-data/`), with no set-up. On a
 * fresh database it creates the hub admin and prints the password once.
 *
 *   npm run hub                                   start
 *   npm run hub -- unit <单位名称>                 add a unit; prints its enrollment code (登记码)
 *   npm run hub -- account <login> <role> [单位] [民警姓名]   add an account (role: admin | branch | unit | officer); prints its password
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createAccount, createUnit } from './admin';
import { openDatabase } from './db/connect';
import { ROLES, type HubRole } from './db/schema';
import { buildHub } from './server';

const ROOT = join(import.meta.dirname, '..');
const password = () => randomBytes(12).toString('base64url');

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const hub = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.HUB_DATA ?? join(ROOT, 'hub-data') });
  try {
    if (command === 'unit') {
      if (!args[0]) throw new Error('用法 / usage: npm run hub -- unit <单位名称>');
      console.log(`单位“${args[0]}”的登记码 / enrollment code（只显示这一次）：${await createUnit(hub.db, args[0])}`);
      return void (await hub.close());
    }
    if (command === 'account') {
      const [login, role, unit, officerName] = args;
      if (!login || !ROLES.includes(role as HubRole)) throw new Error(`用法 / usage: npm run hub -- account <login> <${ROLES.join('|')}> [单位] [民警姓名]`);
      const pw = process.env.HUB_PASSWORD ?? password();
      await createAccount(hub.db, { login, password: pw, role: role as HubRole, unit: unit ?? null, officerName: officerName ?? null });
      console.log(`账号 ${login}（${role}）已创建，密码 / password: ${process.env.HUB_PASSWORD ? '（HUB_PASSWORD）' : pw}`);
      return void (await hub.close());
    }
    if (!(await hub.db.selectFrom('accounts').select('id').where('role', '=', 'admin').executeTakeFirst())) {
      const pw = process.env.HUB_ADMIN_PASSWORD ?? password();
      await createAccount(hub.db, { login: 'admin', password: pw, role: 'admin' });
      console.log(`已创建管理员账号 admin，密码 / admin password: ${process.env.HUB_ADMIN_PASSWORD ? '（HUB_ADMIN_PASSWORD）' : pw}（只显示这一次 / shown once）`);
    }
    const app = await buildHub({ db: hub.db, webDir: join(ROOT, '.output', 'hub-web'), secureCookies: process.env.HUB_SECURE_COOKIES === '1' });
    const port = Number(process.env.PORT ?? 8787);
    await app.listen({ host: process.env.HOST ?? '127.0.0.1', port });
    console.log(`CaseLint 汇总服务 / hub: http://${process.env.HOST ?? '127.0.0.1'}:${port}/ · 数据库 / database: ${hub.where}`);
    const stop = async () => {
      await app.close();
      await hub.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  } catch (e) {
    await hub.close();
    throw e;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
