/** Times as the case pages and every export write them: Beijing wall time, 2024-03-05 14:30. */
import { formatWall, instantToWall } from '../../rules/periods/time';

export const beijingTime = (ms: number | null) => (ms === null ? '' : formatWall(instantToWall(ms)));

