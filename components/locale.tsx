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

/**
 * English text that quotes the Chinese form — a label, a value to record (“无法通知”): each quoted
 * Chinese part is marked as such, the rest is the sentence.
 */
export function Quoting({ text }: { text: string }) {
  const locale = useLocale();
  if (locale !== 'en') return <>{text}</>;
  return (
    <>
      {text.split(/(“[^”]*”)/).map((part, i) => (part.startsWith('“') && CJK.test(part) ? <span key={i} lang="zh-CN">{part}</span> : part))}
    </>
  );
}

/** A line that names record data inside English words ("Officer record: 刘洋（城西派出所）"): the Chinese runs are marked. */
export function Mixed({ text }: { text: string }) {
  const locale = useLocale();
  if (locale !== 'en') return <>{text}</>;
  return (
    <>
      {text.split(/([\u3400-\u9fff\uff08\uff09\u3001\uff1a\u00b7]*[\u3400-\u9fff][\u3400-\u9fff\uff08\uff09\u3001\uff1a\u00b7]*)/).map((part, i) => (i % 2 ? <span key={i} lang="zh-CN">{part}</span> : part))}
    </>
  );
}
