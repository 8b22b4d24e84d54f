import allOf from '../../../rules/checks/all-of';
import '../../../rules/checks/registry';
import { checkTester } from '../check-tester';

const p = {
  checks: [
    { type: 'subset', field: 'penalty.kind', allowed: ['警告', '罚款'] },
    { type: 'amount-limit', field: 'penalty.fineAmount', max: 500 },
  ],
};

checkTester(allOf, {
  valid: [
    { name: '罚款500元', params: p, fields: { 'penalty.kind': '罚款', 'penalty.fineAmount': '500' } },
    { name: '页面无罚款金额字段：该部分不适用', params: p, fields: { 'penalty.kind': '警告' } },
  ],
  invalid: [
    { name: '种类超范围（先报第一个失败）', params: p, fields: { 'penalty.kind': '行政拘留', 'penalty.fineAmount': '800' }, messageId: 'notAllowed' },
    { name: '金额超限', params: p, fields: { 'penalty.kind': '罚款', 'penalty.fineAmount': '800' }, messageId: 'overMax' },
  ],
});
