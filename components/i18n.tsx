/** Renders an extension page in the user's locale: read from settings (a unit's policy may set it), followed when it changes, set on <html lang>. */
import { render, type ComponentChildren, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../lib/i18n/tr';
import { readSettings } from '../lib/config/store';
import { settingsItem } from '../lib/settings/settings';
import { LocaleContext } from './locale';

export { LocaleContext, useLocale, useTr, Zh } from './locale';

function Localized({ initial, children }: { initial: Locale; children: ComponentChildren }) {
  const [locale, setLocale] = useState(initial);
  useEffect(() => settingsItem.watch(() => void readSettings().then((s) => setLocale(s.locale))), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export async function renderLocalized(node: VNode, into: Element): Promise<void> {
  const locale = (await readSettings().catch(() => null))?.locale ?? 'zh-CN';
  document.documentElement.lang = locale;
  render(<Localized initial={locale}>{node}</Localized>, into);
}
