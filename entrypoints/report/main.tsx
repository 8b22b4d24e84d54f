import { buildFrom, ReportPage } from '../../components/ReportPage';
import { renderLocalized, useTr } from '../../components/i18n';
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
  const tr = useTr();
  return (
    <nav class="tabs no-print" aria-label={tr('统计范围', 'Scope')}>
      <button type="button" class="current" aria-current="page">
        {tr('本机', 'This computer')}
      </button>
      <button type="button" onClick={() => window.open(`${hubUrl}/${location.hash}`, '_blank', 'noopener')}>
        {tr('全局（汇总服务）', 'Whole branch (unit hub)')}
      </button>
    </nav>
  );
}

void loadConfig().then((config) =>
  renderLocalized(<ReportPage build={buildFrom(local, config.pack, unit)} header={config.hub ? <ScopeSwitch hubUrl={config.hub.url} /> : undefined} />, document.getElementById('app')!, ['执法报告 — CaseLint', 'Reports — CaseLint']),
);
