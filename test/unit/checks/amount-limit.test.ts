import amountLimit from '../../../rules/checks/amount-limit';
import { checkTester } from '../check-tester';

const spot = { field: 'penalty.fineAmount', max: 200 };
const deposit = { field: 'bail.depositAmount', min: 1000 };

checkTester(amountLimit, {
  valid: [
    { name: '200元（以下含本数）', params: spot, fields: { 'penalty.fineAmount': '200' } },
    { name: '未填金额', params: spot, fields: { 'penalty.fineAmount': '' } },
    { name: '1000元（起点含本数）', params: deposit, fields: { 'bail.depositAmount': '1,000.00元' } },
    { name: '全角数字', params: deposit, fields: { 'bail.depositAmount': '３０００' } },
    { name: '拘留天数15日', params: { field: 'penalty.detentionDays', max: 15 }, fields: { 'penalty.detentionDays': '十五' } },
  ],
  invalid: [
    { name: '当场罚款500元', params: spot, fields: { 'penalty.fineAmount': '￥500' }, messageId: 'overMax', data: { value: '500元', max: '200元' } },
    { name: '保证金800元', params: deposit, fields: { 'bail.depositAmount': '800' }, messageId: 'underMin', data: { min: '1,000元' } },
    { name: '拘留18日', params: { field: 'penalty.detentionDays', max: 15 }, fields: { 'penalty.detentionDays': '18日' }, messageId: 'overMax', data: { value: '18', max: '15' } },
    { name: '1万元', params: { field: 'penalty.fineAmount', max: 5000 }, fields: { 'penalty.fineAmount': '1万元' }, messageId: 'overMax' },
  ],
});
