import requires from '../../../rules/checks/requires';
import { checkTester } from '../check-tester';

const venue = { require: { op: 'eq', field: 'interrogation.venue', value: '看守所讯问室' }, field: 'interrogation.venue' };
const receipt = {
  require: { op: 'any', of: [{ op: 'set', field: 'case.receiptServedAt' }, { op: 'set', field: 'case.receiptNote' }] },
  field: 'case.receiptServedAt',
};

checkTester(requires, {
  valid: [
    { name: '看守所内讯问', params: venue, fields: { 'interrogation.venue': '看守所讯问室' } },
    { name: '回执已送达', params: receipt, fields: { 'case.receiptServedAt': '2024-03-05 09:40', 'case.receiptNote': '' } },
    { name: '回执备注注明拒收', params: receipt, fields: { 'case.receiptServedAt': '', 'case.receiptNote': '拒绝接受' } },
    { name: '已勾选“是”', params: { require: { op: 'eq', field: 'bail.obligationsAcknowledged', value: true }, field: 'bail.obligationsAcknowledged' }, fields: { 'bail.obligationsAcknowledged': '是' } },
  ],
  invalid: [
    { name: '所外讯问', params: venue, fields: { 'interrogation.venue': '执法办案场所讯问室' }, messageId: 'notMet', data: { value: '执法办案场所讯问室' } },
    { name: '讯问地点未填', params: venue, fields: { 'interrogation.venue': '' }, messageId: 'missing' },
    { name: '回执两项均空', params: receipt, fields: { 'case.receiptServedAt': '', 'case.receiptNote': '' }, messageId: 'missing', fieldKey: 'case.receiptServedAt' },
    {
      name: '规则自定义消息',
      params: { require: { op: 'eq', field: 'bail.obligationsAcknowledged', value: true }, field: 'bail.obligationsAcknowledged', messageId: 'notTold' },
      fields: { 'bail.obligationsAcknowledged': '否' },
      messageId: 'notTold',
    },
  ],
});
