import deadline from '../../../rules/checks/deadline';
import { checkTester } from '../check-tester';

const custody24 = { from: 'detention.startAt', to: 'detention.custodyAt', period: { unit: 'hour', amount: 24, custody: true } };
const notice3d = { from: 'case.filingDecidedAt', to: 'case.refusalNoticeServedAt', period: { unit: 'day', amount: 3 } };
const arrestRequest = { from: 'detention.startAt', to: 'detention.arrestRequestedAt', period: { unit: 'day', amount: 3, custody: true }, endedBy: 'detention.releasedAt' };
const designatedNotice = { from: 'surveillance.startDate', to: 'surveillance.familyNotifiedAt', period: { unit: 'hour', amount: 24 } };

checkTester(deadline, {
  valid: [
    { name: '送押用时23小时', params: custody24, fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-06 13:30' } },
    { name: '恰好24小时（以内含本数）', params: custody24, fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-06 14:30' } },
    { name: '开始时间未填：尚未开始', params: custody24, fields: { 'detention.startAt': '', 'detention.custodyAt': '' } },
    { name: '结束时间为空、远未到期', params: custody24, fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' }, now: '2024-03-05 16:00' },
    { name: '第三日24时前送达', params: notice3d, fields: { 'case.filingDecidedAt': '2024-03-04 10:00', 'case.refusalNoticeServedAt': '2024-03-07 23:59' } },
    { name: '期满日为国庆假日顺延', params: notice3d, fields: { 'case.filingDecidedAt': '2024-09-28 10:00', 'case.refusalNoticeServedAt': '2024-10-08 17:00' } },
    {
      name: '延长天数计入（3+4日）',
      params: { ...custody24, to: 'detention.arrestRequestedAt', period: { unit: 'day', amount: 3, custody: true }, plus: [{ field: 'detention.extensionDays', per: 1, max: 4, default: 4 }] },
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '2024-03-12 20:00', 'detention.extensionDays': '' },
    },
    {
      name: '自立案时间起算（无则受案时间）',
      params: { from: ['case.filingDecidedAt', 'case.acceptedAt'], to: 'penalty.decidedAt', period: { unit: 'day', amount: 30 } },
      fields: { 'case.filingDecidedAt': '2024-03-10 09:00', 'case.acceptedAt': '2024-03-01 09:00', 'penalty.decidedAt': '2024-04-09 09:00' },
    },
    { name: '期限内释放：不再提请', params: arrestRequest, fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '', 'detention.releasedAt': '2024-03-07 10:00' } },
    { name: '期满当日24时前释放', params: arrestRequest, fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '', 'detention.releasedAt': '2024-03-08 23:59' } },
    {
      name: '释放后不再倒计时（已过期满时间）',
      params: arrestRequest,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '', 'detention.releasedAt': '2024-03-06 09:00' },
      now: '2024-04-01 09:00',
    },
    { name: '仅有日期：次日24时前通知', params: designatedNotice, fields: { 'surveillance.startDate': '2024-03-05', 'surveillance.familyNotifiedAt': '2024-03-06 23:00' } },
  ],
  invalid: [
    {
      name: '期满后才释放且未提请',
      params: arrestRequest,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '', 'detention.releasedAt': '2024-03-10 10:00' },
      messageId: 'endedLate',
      fieldKey: 'detention.arrestRequestedAt',
      data: { endedValue: '2024-03-10 10:00', due: '2024-03-08 24:00', late: '1日10小时' },
    },
    {
      name: '未释放、逾期未提请：倒计时已超期',
      params: arrestRequest,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '', 'detention.releasedAt': '' },
      now: '2024-03-09 10:00',
      messageId: 'overdue',
    },
    {
      name: '仅有日期：通知晚了，说明截止时间而非从0时起算的小时数',
      params: designatedNotice,
      fields: { 'surveillance.startDate': '2024-03-05', 'surveillance.familyNotifiedAt': '2024-03-07 09:00' },
      messageId: 'lateFromDate',
      data: { due: '2024-03-06 24:00', start: '2024-03-05', late: '9小时' },
    },
    {
      name: '仅有日期：未通知已超期',
      params: designatedNotice,
      fields: { 'surveillance.startDate': '2024-03-05', 'surveillance.familyNotifiedAt': '' },
      now: '2024-03-07 09:00',
      messageId: 'overdueFromDate',
      data: { due: '2024-03-06 24:00', late: '9小时' },
    },
    {
      name: '多年前的案件清空了时间：以日计超期，不写五位数小时',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' },
      now: '2026-11-30 09:00',
      messageId: 'overdue',
      data: { late: '998日', due: '2024-03-06 14:30' },
    },
    {
      name: '送押晚了27小时30分',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-06 18:00' },
      messageId: 'late',
      fieldKey: 'detention.custodyAt',
      data: { elapsed: '27小时30分', limit: '24小时', due: '2024-03-06 14:30' },
    },
    {
      name: '超24小时但未过“开始的时不计入”的终点：提醒',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-06 14:50' },
      messageId: 'lateElapsedOnly',
      severity: 'warning',
      data: { literalDue: '2024-03-06 15:00' },
    },
    {
      name: '结束时间为空，已超期',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' },
      now: '2024-03-07 09:00',
      messageId: 'overdue',
      kind: 'violation',
    },
    {
      name: '结束时间为空，按经过时间已超期',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' },
      now: '2024-03-06 14:45',
      messageId: 'overdueElapsedOnly',
      severity: 'warning',
    },
    {
      name: '结束时间为空，最后六小时内：即将到期',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' },
      now: '2024-03-06 09:00',
      messageId: 'dueSoon',
      kind: 'due-soon',
      severity: 'warning',
      data: { remaining: '5小时30分' },
    },
    {
      name: '第四日送达',
      params: notice3d,
      fields: { 'case.filingDecidedAt': '2024-03-04 10:00', 'case.refusalNoticeServedAt': '2024-03-08 00:30' },
      messageId: 'late',
      data: { due: '2024-03-07 24:00' },
    },
    {
      name: '分级：超过三十日为提醒',
      params: { from: 'case.acceptedAt', to: 'case.filingDecidedAt', period: { unit: 'day', amount: 7 }, tiers: [{ period: { unit: 'day', amount: 30 }, severity: 'warning' }] },
      fields: { 'case.acceptedAt': '2024-03-05 09:00', 'case.filingDecidedAt': '2024-05-05 09:00' },
      messageId: 'late',
      severity: 'warning',
    },
    {
      name: '只填日期：按当日0时计仍已超期',
      params: custody24,
      fields: { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-07' },
      messageId: 'late',
    },
  ],
});
