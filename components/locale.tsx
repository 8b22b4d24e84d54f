/** The locale of whatever CaseLint draws — extension pages, the in-page panel, the popovers — as a Preact context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { trFor, type Locale, type Tr } from '../lib/i18n/tr';

export const LocaleContext = createContext<Locale>('zh-CN');
export const useLocale = (): Locale => useContext(LocaleContext);
export const useTr = (): Tr => trFor(useLocale());

const CJK = /[\u3400-\u9fff]/;
/** Chinese record data shown inside an English page (a name, a logged message, a citation): marked as such. */
export function Zh({ text }: { text: string }) {
  const locale = useLocale();
  return locale === 'en' && CJK.test(text) ? <span lang="zh-CN">{text}</span> : <>{text}</>;
}
