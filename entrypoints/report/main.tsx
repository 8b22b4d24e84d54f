import { render } from 'preact';
import { ReportPage } from '../../components/ReportPage';
import { CaseLintDb } from '../../lib/db/database';
import { defaultPack } from '../../rules/packs/default';

render(<ReportPage db={new CaseLintDb()} pack={defaultPack()} />, document.getElementById('app')!);
