import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LogPage } from '../../components/LogPage';
import { CaseLintDb } from '../../lib/db/database';
import { loadConfig } from '../../lib/config/store';

void loadConfig().then((config) =>
  render(<LogPage db={new CaseLintDb()} pack={config.pack} send={(m) => browser.runtime.sendMessage(m)} />, document.getElementById('app')!),
);
