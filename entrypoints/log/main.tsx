import { browser } from 'wxt/browser';
import { renderLocalized } from '../../components/i18n';
import { LogPage } from '../../components/log/LogPage';
import { CaseLintDb } from '../../lib/db/database';
import { loadConfig } from '../../lib/config/store';

void loadConfig().then((config) =>
  renderLocalized(<LogPage db={new CaseLintDb()} pack={config.pack} send={(m) => browser.runtime.sendMessage(m)} />, document.getElementById('app')!, ['执法问题台账 — CaseLint', 'Findings log — CaseLint']),
);
