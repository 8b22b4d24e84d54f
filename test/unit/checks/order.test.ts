import order from '../../../rules/checks/order';
import { checkTester } from '../check-tester';

const notice = { first: 'penalty.noticeAt', then: 'penalty.decidedAt', strict: true, requireFirst: true };
const warrant = { first: 'detention.approvedAt', then: 'detention.startAt', requireFirst: true };
const emergency = { ...warrant, grace: { hours: 24 } };

checkTester(order, {
  valid: [
    { name: '先告知后决定', params: notice, fields: { 'penalty.noticeAt': '2024-03-06 09:00', 'penalty.decidedAt': '2024-03-06 15:00' } },
    { name: '尚未决定', params: notice, fields: { 'penalty.noticeAt': '', 'penalty.decidedAt': '' } },
    { name: '批准与执行同一分钟（非严格）', params: warrant, fields: { 'detention.approvedAt': '2024-03-05 14:30', 'detention.startAt': '2024-03-05 14:30' } },
  ],
  invalid: [
    { name: '决定后才告知', params: notice, fields: { 'penalty.noticeAt': '2024-03-06 16:00', 'penalty.decidedAt': '2024-03-06 15:00' }, messageId: 'outOfOrder', fieldKey: 'penalty.noticeAt', data: { relation: '晚于' } },
    { name: '告知与决定同时', params: notice, fields: { 'penalty.noticeAt': '2024-03-06 15:00', 'penalty.decidedAt': '2024-03-06 15:00' }, messageId: 'outOfOrder', data: { relation: '不早于' } },
    { name: '未告知', params: notice, fields: { 'penalty.noticeAt': '', 'penalty.decidedAt': '2024-03-06 15:00' }, messageId: 'missingFirst' },
    { name: '先执行后批准', params: warrant, fields: { 'detention.approvedAt': '2024-03-05 18:00', 'detention.startAt': '2024-03-05 14:30' }, messageId: 'outOfOrder' },
    {
      name: '宽限内补办：需核实',
      params: emergency,
      fields: { 'detention.approvedAt': '2024-03-05 18:00', 'detention.startAt': '2024-03-05 14:30' },
      messageId: 'outOfOrderWithinGrace',
      kind: 'needs-review',
      severity: 'warning',
      data: { late: '3小时30分' },
    },
    {
      name: '宽限恰好24小时仍需核实',
      params: emergency,
      fields: { 'detention.approvedAt': '2024-03-06 14:30', 'detention.startAt': '2024-03-05 14:30' },
      messageId: 'outOfOrderWithinGrace',
      kind: 'needs-review',
    },
    {
      name: '超过宽限：违规',
      params: emergency,
      fields: { 'detention.approvedAt': '2024-03-06 14:31', 'detention.startAt': '2024-03-05 14:30' },
      messageId: 'outOfOrder',
      kind: 'violation',
      data: { relation: '晚于' },
    },
    { name: '宽限不免除未批准', params: emergency, fields: { 'detention.approvedAt': '', 'detention.startAt': '2024-03-05 14:30' }, messageId: 'missingFirst' },
  ],
});
