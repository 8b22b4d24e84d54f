/**
 * The hub's pages: sign in; the branch's reports (the extension's report page, the reports computed
 * by the hub over this account's scope — all units, one unit, or one officer's own); for the hub admin,
 * units with their enrollment codes, accounts, browsers (停用) and the access log.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ReportPage, type BuildReport } from '../../components/ReportPage';
import type { ReportDoc } from '../../lib/reports/sheets';

interface Account {
  login: string;
  role: 'admin' | 'branch' | 'unit' | 'officer';
  unit: string | null;
  officerName: string | null;
}
const ROLE_NAMES: Record<Account['role'], string> = { admin: '汇总服务管理员', branch: '法制大队', unit: '单位法制员', officer: '民警' };

let csrf = '';
async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const data = (await res.json()) as T & { ok: boolean; error?: string };
  if (!res.ok || !data.ok) throw Object.assign(new Error(data.error ?? `HTTP ${res.status}`), { status: res.status });
  return data;
}

/** Reports are computed by the hub over the account's scope; the page shows and exports them. */
const buildOnHub: BuildReport = async (r) => {
  const q = new URLSearchParams({ kind: r.kind, at: String(r.at) });
  if (r.scope) q.set('scope', r.scope);
  if (r.officer) q.set('officer', r.officer);
  const res = await api<{ doc: ReportDoc; officers: string[] }>(`/api/report?${q}`);
  return { doc: res.doc, officers: res.officers };
};

function Login({ onIn }: { onIn: (a: Account) => void }) {
  const [error, setError] = useState('');
  return (
    <form
      class="card login"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget as HTMLFormElement);
        void api<{ csrf: string; account: Account }>('/api/login', { method: 'POST', body: { login: f.get('login'), password: f.get('password') } })
          .then((r) => {
            csrf = r.csrf;
            onIn(r.account);
          })
          .catch((err: Error) => setError(err.message));
      }}
    >
      <h1>CaseLint 汇总服务</h1>
      <p>
        <label>
          账号 <input name="login" autocomplete="username" required />
        </label>
      </p>
      <p>
        <label>
          密码 <input name="password" type="password" autocomplete="current-password" required />
        </label>
      </p>
      <button type="submit">登录</button>
      {error ? (
        <p class="banner error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function Admin() {
  const [units, setUnits] = useState<string[]>([]);
  const [devices, setDevices] = useState<{ id: number; unit: string; name: string; officer_name: string | null; last_seen_at: number | null; revoked_at: number | null }[]>([]);
  const [said, setSaid] = useState('');
  const load = () => {
    void api<{ units: string[] }>('/api/units').then((r) => setUnits(r.units));
    void api<{ devices: typeof devices }>('/api/devices').then((r) => setDevices(r.devices));
  };
  useEffect(load, []);
  const act = (p: Promise<string>) => void p.then((t) => (setSaid(t), load())).catch((e: Error) => setSaid(`失败：${e.message}`));
  return (
    <section class="card" aria-label="管理">
      <h2>单位与登记码</h2>
      <p>{units.join('、') || '尚无单位'}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const name = String(new FormData(e.currentTarget as HTMLFormElement).get('unit') ?? '');
          act(api<{ enrollmentCode: string }>('/api/units', { method: 'POST', body: { name } }).then((r) => `单位“${name}”的登记码（只显示这一次）：${r.enrollmentCode}`));
        }}
      >
        <label>
          单位名称 <input name="unit" required />
        </label>{' '}
        <button type="submit">添加单位 / 重新生成登记码</button>
      </form>
      <h2>账号</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          const body = { login: f.get('login'), password: f.get('password'), role: f.get('role'), unit: f.get('unit') || null, officerName: f.get('officerName') || null };
          act(api('/api/accounts', { method: 'POST', body }).then(() => `账号 ${String(body.login)} 已创建`));
        }}
      >
        <input name="login" placeholder="账号" required /> <input name="password" type="password" placeholder="密码（至少 10 位）" required />{' '}
        <select name="role">
          {Object.entries(ROLE_NAMES).map(([k, v]) => (
            <option value={k}>{v}</option>
          ))}
        </select>{' '}
        <input name="unit" placeholder="单位" /> <input name="officerName" placeholder="民警姓名" /> <button type="submit">创建账号</button>
      </form>
      <h2>已登记的浏览器</h2>
      <table>
        <thead>
          <tr>
            <th>编号</th>
            <th>单位</th>
            <th>名称</th>
            <th>民警</th>
            <th>状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id}>
              <td>{d.id}</td>
              <td>{d.unit}</td>
              <td>{d.name}</td>
              <td>{d.officer_name ?? ''}</td>
              <td>{d.revoked_at ? '已停用' : '正常'}</td>
              <td>{d.revoked_at ? null : <button onClick={() => act(api(`/api/devices/${d.id}/revoke`, { method: 'POST', body: {} }).then(() => `已停用 ${d.name}`))}>停用</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {said ? <p role="status">{said}</p> : null}
    </section>
  );
}

function App() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [tab, setTab] = useState<'reports' | 'admin'>('reports');
  useEffect(() => {
    void api<{ csrf: string; account: Account }>('/api/me')
      .then((r) => {
        csrf = r.csrf;
        setAccount(r.account);
      })
      .catch(() => setAccount(null));
  }, []);
  if (account === undefined) return <p class="muted">正在连接…</p>;
  if (account === null) return <Login onIn={setAccount} />;
  const scope = account.role === 'unit' ? account.unit : account.role === 'officer' ? `${account.officerName}（${account.unit}）` : '全部单位';
  const bar = (
    <header class="hub-bar no-print">
      <b>CaseLint 汇总服务</b> · {account.login}（{ROLE_NAMES[account.role]}） · 范围：{scope}{' '}
      {account.role === 'admin' ? (
        <button type="button" onClick={() => setTab(tab === 'admin' ? 'reports' : 'admin')}>
          {tab === 'admin' ? '报告' : '管理'}
        </button>
      ) : null}{' '}
      <button type="button" onClick={() => void api('/api/logout', { method: 'POST', body: {} }).then(() => setAccount(null))}>
        退出
      </button>
    </header>
  );
  if (tab === 'admin') return (<div class="page">{bar}<Admin /></div>);
  return <ReportPage build={buildOnHub} header={bar} />;
}

render(<App />, document.getElementById('app')!);
