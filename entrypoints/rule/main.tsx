import { render } from 'preact';
import { RuleDocs } from '../../components/RuleDoc';
import { defaultPack } from '../../rules/packs/default';

render(<RuleDocs pack={defaultPack()} />, document.getElementById('app')!);
