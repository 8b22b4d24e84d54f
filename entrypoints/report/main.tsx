import { render } from 'preact';
import { ReportPage } from '../../components/ReportPage';
import { CaseLintDb } from '../../lib/db/database';
import { loadConfig } from '../../lib/config/store';

void loadConfig().then((config) => render(<ReportPage db={new CaseLintDb()} pack={config.pack} />, document.getElementById('app')!));
