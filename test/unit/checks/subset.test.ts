import subset from '../../../rules/checks/subset';
import { checkTester } from '../check-tester';

const p = { field: 'penalty.kind', allowed: ['警告', '罚款'] };

checkTester(subset, {
  valid: [
    { name: '警告', params: p, fields: { 'penalty.kind': '警告' } },
    { name: '警告并处罚款', params: p, fields: { 'penalty.kind': '警告、罚款' } },
    { name: '未填', params: p, fields: { 'penalty.kind': '' } },
  ],
  invalid: [
    { name: '行政拘留', params: p, fields: { 'penalty.kind': '行政拘留' }, messageId: 'notAllowed', data: { extra: '行政拘留' } },
    { name: '罚款并吊销', params: p, fields: { 'penalty.kind': '罚款，吊销许可证件' }, messageId: 'notAllowed', data: { extra: '吊销许可证件' } },
  ],
});
