/** Maps a control the reader could not map to a field for its page type (#18.4): a site-profile entry, which open pages of that type apply at once. */
import type { Tr } from '../lib/i18n/tr';
import { urlPatternFor } from '../lib/page/selector';

/** Saves a site-profile entry: the options store on an extension page, a request to the worker from a case page. */
export type AssignField = (urlPattern: string, field: { key: string; selector: string; row?: number }) => Promise<void>;

export async function mapControl(pageUrl: string, selector: string, key: string, tr: Tr, assign: AssignField): Promise<string> {
  try {
    await assign(urlPatternFor(pageUrl), { key, selector });
    return tr('已指定，本类页面随即按此读取', 'Mapped; pages of this type are read with it from now on');
  } catch (e) {
    return tr(`未完成：${(e as Error).message}`, `Not done: ${(e as Error).message}`);
  }
}
