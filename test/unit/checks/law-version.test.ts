import lawVersion from '../../../rules/checks/law-version';
import '../../../rules/checks/registry';
import { checkTester } from '../check-tester';

const p = {
  versions: [
    { until: '2026-01-01', check: { type: 'amount-limit', field: 'penalty.fineAmount', max: 500 } },
    { from: '2026-01-01', check: { type: 'amount-limit', field: 'penalty.fineAmount', max: 1000 } },
  ],
};
const at = ['penalty.decidedAt'];

checkTester(lawVersion, {
  valid: [
    { name: '2025-12-31 决定 500元（旧法）', params: p, versionDate: at, fields: { 'penalty.decidedAt': '2025-12-31 23:59', 'penalty.fineAmount': '500' } },
    { name: '2026-01-01 决定 1000元（新法）', params: p, versionDate: at, fields: { 'penalty.decidedAt': '2026-01-01 00:00', 'penalty.fineAmount': '1000' } },
    { name: '未决定：按当前（2026-11）适用新法', params: p, versionDate: at, fields: { 'penalty.decidedAt': '', 'penalty.fineAmount': '900' } },
  ],
  invalid: [
    { name: '2025年决定 800元', params: p, versionDate: at, fields: { 'penalty.decidedAt': '2025-06-01 10:00', 'penalty.fineAmount': '800' }, messageId: 'overMax', data: { max: '500元' } },
    { name: '2026年决定 1200元', params: p, versionDate: at, fields: { 'penalty.decidedAt': '2026-06-01 10:00', 'penalty.fineAmount': '1200' }, messageId: 'overMax', data: { max: '1,000元' } },
  ],
});
