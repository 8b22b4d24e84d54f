import { render } from 'preact';
import { buildFrom, ReportPage } from '../../components/ReportPage';
import { CaseLintDb } from '../../lib/db/database';
import { loadConfig, readSettings } from '../../lib/config/store';
import type { ReportSource } from '../../lib/reports/build';
import { countNewByPeriod, loadRange } from '../../lib/reports/load';

const db = new CaseLintDb();
/** This browser's findings log. */
const local: ReportSource = { range: (from, to, options) => loadRange(db, from, to, options), countNew: (periods) => countNewByPeriod(db, periods) };
const unit = async () => (await readSettings()).reviewerUnit;

/** 本机 / 全局 (#21.3): with a hub, the same report over every unit is on the hub's pages (signed in there). */
function ScopeSwitch({ hubUrl }: { hubUrl: string }) {
  return (
    <nav class="tabs no-print" aria-label="统计范围">
      <button type="button" class="current" aria-current="page">
        本机
      </button>
      <button type="button" onClick={() => window.open(`${hubUrl}/${location.hash}`, '_blank', 'noopener')}>
        全局（汇总服务）
      </button>
    </nav>
  );
}

void loadConfig().then((config) =>
  render(<ReportPage build={buildFrom(local, config.pack, unit)} header={config.hub ? <ScopeSwitch hubUrl={config.hub.url} /> : undefined} />, document.getElementById('app')!),
);
