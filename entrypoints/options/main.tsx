import { renderLocalized } from '../../components/i18n';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { request } from '../../lib/messaging/request';
import type { PermissionsApi } from '../../lib/sites/registration';

const sites = {
  permissions: browser.permissions as unknown as PermissionsApi,
  sync: () => request((m) => browser.runtime.sendMessage(m), 'ui-bg:sync-sites', {}),
};

void renderLocalized(<OptionsPage sites={sites} />, document.getElementById('app')!, ['CaseLint 设置', 'CaseLint settings']);
