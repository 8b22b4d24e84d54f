import { render } from 'preact';
import { RuleDocs } from '../../components/RuleDoc';
import { loadConfig } from '../../lib/config/store';

// The pack in force (built-in, imported or pushed by policy).
void loadConfig().then((config) => render(<RuleDocs pack={config.pack} />, document.getElementById('app')!));
