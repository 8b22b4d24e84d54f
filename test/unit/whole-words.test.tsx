/** Case numbers, dates and IDs wrap whole (#15.8). */
import { describe, expect, it } from 'vitest';
import { wholeTokens } from '../../components/WholeWords';

const kept = (s: string) => wholeTokens(s).filter((t) => t.whole).map((t) => t.text);

describe('wholeTokens', () => {
  it('keeps dates with their times, case numbers, ID numbers and document numbers whole', () => {
    expect(kept('通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2024-03-06 14:30 前通知）')).toEqual(['26', '15', '24', '2024-03-06 14:30']);
    expect(kept('案件 XS2024-0302 嫌疑人身份号码“320102198503120013”校验码错误')).toEqual(['XS2024-0302', '320102198503120013']);
    expect(kept('依据 Art.85 第二款 / v1.2.3')).toEqual(['Art.85', 'v1.2.3']);
  });
  it('gives the text back unchanged, joined', () => {
    for (const s of ['', '拘留', 'XS2024-0302', '（应于 2024-03-06 14:30 前通知）a']) expect(wholeTokens(s).map((t) => t.text).join('')).toBe(s);
  });
});
