import '../../../rules/checks/registry';
import variants from '../../../rules/checks/variants';
import { checkTester } from '../check-tester';

const p = {
  cases: [
    { when: { op: 'age', at: 'bail.startDate', lt: 18 }, check: { type: 'amount-limit', field: 'bail.depositAmount', min: 500 } },
    { when: { op: 'eq', field: 'penalty.party', value: '单位' }, severity: 'warning', check: { type: 'amount-limit', field: 'bail.depositAmount', min: 2000 } },
  ],
  otherwise: { type: 'amount-limit', field: 'bail.depositAmount', min: 1000 },
};

checkTester(variants, {
  valid: [
    { name: '未成年人600元', params: p, fields: { 'bail.startDate': '2024-03-05', 'suspect.birthDate': '2008-01-01', 'bail.depositAmount': '600' } },
    { name: '成年人1000元', params: p, fields: { 'bail.startDate': '2024-03-05', 'suspect.birthDate': '1990-01-01', 'bail.depositAmount': '1000' } },
    { name: '无匹配且无 otherwise：通过', params: { cases: p.cases }, fields: { 'bail.depositAmount': '1' } },
  ],
  invalid: [
    { name: '成年人600元', params: p, fields: { 'bail.startDate': '2024-03-05', 'suspect.birthDate': '1990-01-01', 'bail.depositAmount': '600' }, messageId: 'underMin' },
    { name: '分支的严重程度', params: p, fields: { 'penalty.party': '单位', 'bail.depositAmount': '1500' }, messageId: 'underMin', severity: 'warning' },
    {
      name: '分支的种类与消息：需核实',
      params: { cases: [{ when: { op: 'empty', field: 'seizure.place' }, kind: 'needs-review', severity: 'warning', messageId: 'placeUnknown', check: { type: 'count-min', field: 'seizure.officers', min: 2 } }] },
      fields: { 'seizure.place': '', 'seizure.officers': '王伟' },
      messageId: 'placeUnknown',
      kind: 'needs-review',
      severity: 'warning',
      data: { count: 1, names: '王伟' },
    },
    {
      name: '未写明种类的分支仍为违规',
      params: { cases: [{ when: { op: 'set', field: 'seizure.place' }, check: { type: 'count-min', field: 'seizure.officers', min: 2 } }] },
      fields: { 'seizure.place': '现场', 'seizure.officers': '王伟' },
      messageId: 'tooFew',
      kind: 'violation',
    },
  ],
});
