/** The toolbar popup: this week's summary in one click, and the way to the log and the reports. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download, XLSX_TYPE } from '../../components/download';
import { CaseLintDb } from '../../lib/db/database';
import { thisWeekXlsx } from '../../lib/reports/weekly-export';
import { lastErrorItem, readSettings } from '../../lib/settings/settings';
import { defaultPack } from '../../rules/packs/default';

function Popup() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void lastErrorItem.getValue().then((e) => setError(e?.message ?? null));
  }, []);
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/log.html') });
  return (
    <div style={{ padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 10px' }}>CaseLint 执法巡查助手</h1>
      {error ? (
        <p class="banner error" role="alert">
          ⚠ {error}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          class="primary"
          style={{ width: '100%', padding: '6px' }}
          onClick={() => {
            setStatus('正在生成…');
            void (async () => {
              try {
                const { name, data } = await thisWeekXlsx(new CaseLintDb(), defaultPack(), (await readSettings()).reviewerUnit);
                download(name, data, XLSX_TYPE);
                setStatus(`已导出：${name}`);
              } catch (e) {
                setStatus(`导出失败：${(e as Error).message}`);
              }
            })();
          }}
        >
          导出本周汇总
        </button>
      </p>
      {status ? <p role="status">{status}</p> : null}
      <p style={{ display: 'flex', gap: '6px', flexWrap: 'wrap' }}>
        <button type="button" onClick={() => open('/report.html#weekly')}>执法报告</button>
        <button type="button" onClick={() => open('/log.html')}>问题台账</button>
        <button type="button" onClick={() => open('/rule.html')}>规则说明</button>
      </p>
      <p class="muted" style={{ fontSize: '12px' }}>审核面板：在案件页面按 Alt+Shift+A。数据只保存在本机。</p>
    </div>
  );
}

render(<Popup />, document.getElementById('app')!);
