/** Which document of a case a page is (#15.1). */
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../lib/db/documents';

describe('documentOf', () => {
  it.each([
    ['http://10.1.2.3:8080/case/XS2024-0302/detention', 'XS2024-0302', '/case/{案号}/detention'],
    ['http://10.1.2.3:8080/case/XS2024-0302/bail', 'XS2024-0302', '/case/{案号}/bail'],
    ['http://10.1.2.3/zfba/form.do?caseId=88231&formType=jlz&_=1733030400000', 'A3301', '/zfba/form.do?formType=jlz'],
    ['http://10.1.2.3/zfba/form.do?formType=jlz&caseId=1200', null, '/zfba/form.do?formType=jlz'],
    ['http://10.1.2.3/app/#/case/5f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b/bail?tab=base', null, '/app/#/case/{id}/bail?tab=base'],
    ['http://10.1.2.3/ajbl/A3301042024030500012/xsjl.html', 'A3301042024030500012', '/ajbl/{案号}/xsjl.html'],
    ['http://10.1.2.3/case/%E5%88%91%E6%8B%98/XS2024-0302', 'XS2024-0302', '/case/刑拘/{案号}'],
  ])('%s → %s', (url, caseNumber, expected) => {
    expect(documentOf(url, caseNumber)).toBe(expected);
  });

  it('two forms of one case are two documents; one form of two cases is one', () => {
    expect(documentOf('http://h/case/XS2024-0302/detention', 'XS2024-0302')).not.toBe(documentOf('http://h/case/XS2024-0302/bail', 'XS2024-0302'));
    expect(documentOf('http://h/case/XS2024-0302/detention', 'XS2024-0302')).toBe(documentOf('http://h/case/XS2024-0417/detention', 'XS2024-0417'));
  });
});
