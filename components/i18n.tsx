/** Renders an extension page in the user's locale: read from the configuration in force (a unit's policy may set it), followed when it changes, set on <html lang> and the page title. */
import { render, type ComponentChildren, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../lib/i18n/tr';
import { readSettings } from '../lib/config/store';
import { watchConfig } from '../lib/config/watch';
import { LocaleContext } from './locale';

export { LocaleContext, useLocale, useTr, Zh } from './locale';

/** A page's name in both locales (the HTML shell's <title> is the Chinese one). */
export type PageTitle = readonly [zh: string, en: string];

function Localized({ initial, title, children }: { initial: Locale; title?: PageTitle; children: ComponentChildren }) {
  const [locale, setLocale] = useState(initial);
  // The effective locale: the user's switch, or the unit's policy.
  useEffect(() => watchConfig(() => void readSettings().then((s) => setLocale(s.locale))), []);
  useEffect(() => {
    document.documentElement.lang = locale;
    if (title) document.title = locale === 'en' ? title[1] : title[0];
  }, [locale]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export async function renderLocalized(node: VNode, into: Element, title?: PageTitle): Promise<void> {
  const locale = (await readSettings().catch(() => null))?.locale ?? 'zh-CN';
  document.documentElement.lang = locale;
  render(
    <Localized initial={locale} title={title}>
      {node}
    </Localized>,
    into,
  );
}
