import { render } from 'preact';
import { ReportPage } from '../../components/ReportPage';
import { CaseLintDb } from '../../lib/db/database';
import { loadConfig, readSettings } from '../../lib/config/store';
import type { ReportSource } from '../../lib/reports/build';
import { countNewByPeriod, loadRange } from '../../lib/reports/load';

const db = new CaseLintDb();
/** This browser's findings log. */
const local: ReportSource = { range: (from, to, options) => loadRange(db, from, to, options), countNew: (periods) => countNewByPeriod(db, periods) };
const unit = async () => (await readSettings()).reviewerUnit;

void loadConfig().then((config) => render(<ReportPage source={local} unit={unit} pack={config.pack} />, document.getElementById('app')!));
