import notBoth from '../../../rules/checks/not-both';
import { checkTester } from '../check-tester';

const p = { fields: ['bail.guarantor', 'bail.depositAmount'] };

checkTester(notBoth, {
  valid: [
    { name: '仅保证人', params: p, fields: { 'bail.guarantor': '李建国', 'bail.depositAmount': '' } },
    { name: '仅保证金', params: p, fields: { 'bail.guarantor': '', 'bail.depositAmount': '3000' } },
    { name: '保证金为0', params: p, fields: { 'bail.guarantor': '李建国', 'bail.depositAmount': '0元' } },
  ],
  invalid: [{ name: '并用', params: p, fields: { 'bail.guarantor': '李建国', 'bail.depositAmount': '5000' }, messageId: 'both', fieldKey: 'bail.depositAmount' }],
});
