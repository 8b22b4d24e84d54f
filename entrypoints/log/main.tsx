import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LogPage } from '../../components/LogPage';
import { CaseLintDb } from '../../lib/db/database';
import { defaultPack } from '../../rules/packs/default';

render(<LogPage db={new CaseLintDb()} pack={defaultPack()} send={(m) => browser.runtime.sendMessage(m)} />, document.getElementById('app')!);
